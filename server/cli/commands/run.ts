import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Json } from '../../../shared/json-schema';
import { loadWorkflow } from '../../../shared/format';
import { templateReferences } from '../../../shared/templates';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Usage } from '../../../shared/usage';
import { validateRunInput, type WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { createClaude, type ClaudeConnection } from '../../claude';
import { runWorkflow } from '../../engine/run-workflow';
import { createMcpCaller, findUnknownMcpServers, loadMcpConfig, type McpClients } from '../../mcp';
import { createGuardedFetch } from '../../net/guarded-fetch';
import { createClaudeForCassette, parseReplayFlags, type CassetteClaude } from '../../replay';
import { recordRun } from '../../runs/record-run';
import { openStore } from '../../store';

const USAGE = `Usage: trellis run <workflow.json> [--input JSON | --input-file F | --sample NAME] [--json] [--concurrency N] [--db PATH] [--latency FIRST_TOKEN_MS,TOKENS_PER_SEC] [--record F | --replay F]

Runs a workflow and prints its outputs as JSON on stdout; a live trace goes to stderr.
  --input JSON        the run input (default {})
  --input-file F      read the run input from a JSON file
  --sample NAME       use one of the workflow's named samples
  --json              print every trace event as a JSON line on stdout instead
  --concurrency N     run at most N nodes at once (default 4)
  --db PATH           also record the run in a Trellis SQLite database
  --latency A,B       offline simulator pace: first token after A ms, B tokens/s (default instant)
  --record F          record every Claude call into cassette F (for a later --replay)
  --replay F          answer every Claude call from cassette F: no simulator, no key, no network
MCP servers come from the file named by TRELLIS_MCP_CONFIG.
Exit codes: 0 completed, 1 run failed, 2 invalid workflow/input/arguments, 130 interrupted.`;

interface RunArgs {
  file: string;
  input?: string;
  inputFile?: string;
  sample?: string;
  json: boolean;
  concurrency?: number;
  db?: string;
  latency?: { firstTokenMs: number; tokensPerSecond: number };
  record?: string;
  replay?: string;
}

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  let parsed: RunArgs;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`trellis run: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.file === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const loaded = await loadWorkflowFile(parsed.file);
  if (!loaded) return 2;
  const { workflow, text } = loaded;
  const input = await resolveInput(parsed, workflow);
  if (input === undefined) return 2;
  const inputIssues = validateRunInput(workflow, input);
  if (inputIssues.length > 0) {
    printIssues('run input', inputIssues);
    if (workflow.samples?.length) process.stderr.write(`  hint: try --sample ${workflow.samples[0]?.name}\n`);
    return 2;
  }

  let mcp: McpClients;
  try {
    const mcpConfig = await loadMcpConfig();
    const unknown = findUnknownMcpServers(workflow, Object.keys(mcpConfig.servers));
    if (unknown.length > 0) {
      printIssues(parsed.file, unknown);
      return 2;
    }
    mcp = createMcpCaller(mcpConfig);
  } catch (error) {
    process.stderr.write(`trellis run: ${(error as Error).message}\n`);
    return 2;
  }

  const claude = await openClaude(parsed);
  if (!claude) {
    await mcp.close();
    return 2;
  }
  const printer = new TracePrinter(process.stderr, !parsed.json);
  process.stderr.write(`trellis: ${claude.banner}\n`);

  const controller = new AbortController();
  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\ntrellis: interrupted, canceling the run (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);

  const runId = `run_${randomBytes(8).toString('hex')}`;
  const events = runWorkflow(workflow, input, {
    claude: claude.cassette.client,
    runId,
    signal: controller.signal,
    concurrency: parsed.concurrency,
    secrets: referencedSecrets(workflow),
    fetch: createGuardedFetch(),
    filesRoot: dirname(resolve(parsed.file)),
    mcp,
  });

  let terminal: TraceEvent | undefined;
  const observed = tap(events, (event) => {
    if (parsed.json) process.stdout.write(`${JSON.stringify(event)}\n`);
    printer.print(event);
    if (event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.canceled') terminal = event;
  });
  const store = parsed.db ? openStore(parsed.db) : undefined;
  try {
    if (store) {
      await recordRun(store, { id: runId, workflowId: workflow.id, workflowJson: text, input, createdAt: Date.now() }, observed);
      process.stderr.write(`trellis: recorded as ${runId} in ${parsed.db}\n`);
    } else {
      for await (const _event of observed) {
        // tap() does the work; draining drives the run.
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    store?.close();
    await mcp.close();
    await claude.cassette.close();
  }
  if (parsed.record) process.stderr.write(`trellis: cassette written to ${parsed.record}\n`);

  if (terminal?.type === 'run.completed') {
    if (!parsed.json) process.stdout.write(`${JSON.stringify(terminal.data.outputs, null, 2)}\n`);
    return 0;
  }
  if (terminal?.type === 'run.canceled') return interrupted ? 130 : 1;
  return 1;
}

/**
 * The Claude client for this run: live (API or simulator), recording into a cassette, or
 * replaying one. A cassette that cannot be read is an input error (undefined), already reported.
 */
async function openClaude(parsed: RunArgs): Promise<{ cassette: CassetteClaude; banner: string } | undefined> {
  let base: ClaudeConnection | undefined;
  try {
    base = parsed.replay ? undefined : await createClaude({ simulator: { latency: parsed.latency ?? { firstTokenMs: 0, tokensPerSecond: 0 } } });
    const cassette = await createClaudeForCassette({ record: parsed.record, replay: parsed.replay, base });
    if (cassette.mode === 'replay') return { cassette, banner: cassette.description };
    const live = base?.mode === 'simulator' ? `offline simulator (no ANTHROPIC_API_KEY) at ${base.baseURL}` : `Claude API at ${base?.baseURL}`;
    return { cassette, banner: cassette.mode === 'record' ? `${live}; ${cassette.description}` : live };
  } catch (error) {
    await base?.close();
    process.stderr.write(`trellis run: ${(error as Error).message}\n`);
    return undefined;
  }
}

function parseArgs(allArgs: string[]): RunArgs {
  let flags;
  try {
    flags = parseReplayFlags(allArgs);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const args = flags.rest;
  const parsed: Partial<RunArgs> & { json: boolean } = { json: false, record: flags.record, replay: flags.replay };
  const value = (flag: string, index: number): string => {
    const next = args[index + 1];
    if (next === undefined) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    switch (arg) {
      case '--input':
        parsed.input = value(arg, index++);
        break;
      case '--input-file':
        parsed.inputFile = value(arg, index++);
        break;
      case '--sample':
        parsed.sample = value(arg, index++);
        break;
      case '--json':
        parsed.json = true;
        break;
      case '--concurrency': {
        const n = Number(value(arg, index++));
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--concurrency must be an integer from 1 to 64');
        parsed.concurrency = n;
        break;
      }
      case '--db':
        parsed.db = value(arg, index++);
        break;
      case '--latency': {
        const [first, rate] = value(arg, index++).split(',').map(Number);
        if (!Number.isFinite(first) || !Number.isFinite(rate) || (first as number) < 0 || (rate as number) < 0) throw new UsageError('--latency must be FIRST_TOKEN_MS,TOKENS_PER_SEC, e.g. 400,60');
        parsed.latency = { firstTokenMs: first as number, tokensPerSecond: rate as number };
        break;
      }
      case '-h':
      case '--help':
        return { file: '--help', json: false };
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (parsed.file) throw new UsageError(`one workflow file at a time (got ${parsed.file} and ${arg})`);
        parsed.file = arg;
    }
  }
  if (!parsed.file) throw new UsageError('missing <workflow.json>');
  const sources = [parsed.input, parsed.inputFile, parsed.sample].filter((source) => source !== undefined);
  if (sources.length > 1) throw new UsageError('use only one of --input, --input-file and --sample');
  return parsed as RunArgs;
}

async function loadWorkflowFile(file: string): Promise<{ workflow: Workflow; text: string } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`trellis run: cannot read ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = loadWorkflow(text);
  for (const warning of result.warnings) process.stderr.write(`${file}: warning ${describeIssue(warning)}\n`);
  if (!result.valid || !result.workflow) {
    printIssues(file, result.errors);
    return undefined;
  }
  return { workflow: result.workflow, text };
}

async function resolveInput(args: RunArgs, workflow: Workflow): Promise<Json | undefined> {
  if (args.sample !== undefined) {
    const sample = workflow.samples?.find((candidate) => candidate.name === args.sample);
    if (!sample) {
      const names = workflow.samples?.map((candidate) => candidate.name).join(', ') || 'none';
      process.stderr.write(`trellis run: no sample named "${args.sample}" (samples: ${names})\n`);
      return undefined;
    }
    return sample.input;
  }
  let text = args.input;
  let origin = '--input';
  if (args.inputFile !== undefined) {
    origin = args.inputFile;
    try {
      text = await readFile(args.inputFile, 'utf8');
    } catch (error) {
      process.stderr.write(`trellis run: cannot read ${args.inputFile}: ${(error as Error).message}\n`);
      return undefined;
    }
  }
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    process.stderr.write(`trellis run: ${origin} is not valid JSON: ${(error as Error).message}\n`);
    return undefined;
  }
}

type ReportedIssue = Pick<WorkflowIssue, 'nodeId' | 'edgeId' | 'path' | 'rule' | 'message'>;

function printIssues(subject: string, issues: readonly ReportedIssue[]): void {
  process.stderr.write(`${subject}: ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}\n`);
  for (const issue of issues) process.stderr.write(`  ${describeIssue(issue)}\n`);
}

function describeIssue(issue: ReportedIssue): string {
  const where = [issue.nodeId && `node ${issue.nodeId}`, issue.edgeId && `edge ${issue.edgeId}`].filter(Boolean).join(', ');
  return `${issue.path || '/'} [${issue.rule}]${where ? ` (${where})` : ''}: ${issue.message}`;
}

/** Only the secrets the workflow names are read from the environment, never the whole env. */
function referencedSecrets(workflow: Workflow): Record<string, string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const ref of templateReferences(value)) if (ref.root === 'secrets' && ref.path[0]) names.add(ref.path[0]);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(workflow.nodes);
  const secrets: Record<string, string> = {};
  for (const name of names) {
    const secret = process.env[name];
    if (secret !== undefined) secrets[name] = secret;
  }
  return secrets;
}

async function* tap<T>(source: AsyncIterable<T>, onItem: (item: T) => void): AsyncIterable<T> {
  for await (const item of source) {
    onItem(item);
    yield item;
  }
}

/**
 * The human trace on stderr: one line per node state change, streamed text as indented lines
 * (buffered per node so concurrent nodes do not interleave mid-line), totals at the end.
 * Colour only on a TTY and never when NO_COLOR is set.
 */
class TracePrinter {
  private readonly color: boolean;
  private readonly partial = new Map<string, string>();
  private readonly width: number;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {
    this.color = Boolean(out.isTTY) && process.env.NO_COLOR === undefined;
    this.width = 14;
  }

  print(event: TraceEvent): void {
    if (!this.enabled) return;
    const id = event.nodeId ? event.nodeId.padEnd(this.width) : '';
    switch (event.type) {
      case 'run.started':
        this.line(`${this.paint('1', '▶')} run ${event.runId} · workflow ${event.data.workflowId}${event.data.resumed ? ' (resumed)' : ''}`);
        break;
      case 'node.started':
        this.line(`  ${this.paint('36', '●')} ${id} started${event.data.attempt > 1 ? ` (attempt ${event.data.attempt})` : ''}`);
        break;
      case 'node.delta':
        if (event.data.kind !== 'tool_input') this.stream(event.nodeId, event.data.text, event.data.kind === 'thinking');
        break;
      case 'node.tool_call':
        this.flush(event.nodeId);
        this.line(`  ${this.paint('35', '⚙')} ${id} → ${event.data.name}(${truncate(JSON.stringify(event.data.input), 100)})`);
        break;
      case 'node.tool_result':
        this.line(`  ${this.paint(event.data.is_error ? '31' : '35', event.data.is_error ? '✗' : '⚙')} ${id} ← ${event.data.is_error ? 'error: ' : ''}${truncate(typeof event.data.output === 'string' ? event.data.output : JSON.stringify(event.data.output), 100)} (${ms(event.data.duration_ms)})`);
        break;
      case 'node.retry':
        this.flush(event.nodeId);
        this.line(`  ${this.paint('33', '↻')} ${id} retrying in ${ms(event.data.delay_ms)}: ${event.data.error.message}`);
        break;
      case 'node.completed': {
        this.flush(event.nodeId);
        const cost = event.data.usage ? `  ${tokens(event.data.usage)}  ${usd(event.data.cost_usd ?? 0)}` : '';
        const warn = event.data.warnings?.length ? `  ${this.paint('33', `⚠ ${event.data.warnings.join('; ')}`)}` : '';
        this.line(`  ${this.paint('32', '✓')} ${id} ${ms(event.data.duration_ms)}${cost}${warn}`);
        break;
      }
      case 'node.skipped':
        this.line(`  ${this.paint('90', '↷')} ${id} skipped: ${event.data.reason}`);
        break;
      case 'node.failed':
        this.flush(event.nodeId);
        this.line(`  ${this.paint('31', '✗')} ${id} failed (${event.data.error.type}): ${event.data.error.message}`);
        break;
      case 'run.completed':
        this.line(`${this.paint('32', '✓')} run completed in ${ms(event.data.duration_ms)} · ${tokens(event.data.usage)} · ${usd(event.data.cost_usd)}`);
        break;
      case 'run.failed':
        this.line(`${this.paint('31', '✗')} run failed${event.data.nodeId ? ` at ${event.data.nodeId}` : ''}: ${event.data.error.message}`);
        break;
      case 'run.canceled':
        this.line(`${this.paint('33', '■')} run canceled: ${event.data.reason}`);
        break;
    }
  }

  private stream(nodeId: string, text: string, thinking: boolean): void {
    const buffered = (this.partial.get(nodeId) ?? '') + text;
    const lines = buffered.split('\n');
    this.partial.set(nodeId, lines.pop() ?? '');
    for (const line of lines) this.textLine(nodeId, line, thinking);
  }

  private flush(nodeId: string): void {
    const rest = this.partial.get(nodeId);
    this.partial.delete(nodeId);
    if (rest) this.textLine(nodeId, rest, false);
  }

  private textLine(nodeId: string, text: string, thinking: boolean): void {
    this.line(`    ${this.paint('90', `${nodeId} │`)} ${thinking ? this.paint('2', text) : text}`);
  }

  private line(text: string): void {
    this.out.write(`${text}\n`);
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)}s` : `${Math.round(value)}ms`;
}

function usd(value: number): string {
  return `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
}

function tokens(usage: Usage): string {
  const cache = usage.cache_read_input_tokens || usage.cache_creation_input_tokens ? ` (cache read ${usage.cache_read_input_tokens}, write ${usage.cache_creation_input_tokens})` : '';
  return `in ${usage.input_tokens} / out ${usage.output_tokens} tok${cache}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
