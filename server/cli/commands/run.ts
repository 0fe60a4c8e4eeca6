import { isTerminalEvent, type TraceEvent } from '../../../shared/trace-events';
import type { Usage } from '../../../shared/usage';
import { runWorkflow } from '../../engine/run-workflow';
import { engineDepsOf } from '../../environment';
import { recordRun } from '../../runs/record-run';
import { openStore } from '../../store';
import { formatUsd } from '../format-usd';
import { loadWorkflowFile } from '../load-workflow-file';
import { openCliEnvironment } from '../open-cli-environment';
import { parseCommandLine } from '../parse-command-line';
import { readReplayFlags } from '../read-replay-flags';
import { readCommandArgs } from '../read-command-args';
import { readRunInput } from '../read-run-input';
import { checkSingleRunInput, takeRunInputFlag, type RunInputFlags } from '../run-input-flags';
import { UsageError } from '../usage-error';
import { watchInterrupt } from '../watch-interrupt';
import { writeOwnControl } from '../guard-cli-output';
import { stripControlCharacters } from '../../../shared/strip-control-characters';
import type { Json } from '../../../shared/json-schema';

const USAGE = `Usage: trellis run <workflow.json> [--input JSON | --input-file F | --sample NAME] [--json] [--concurrency N] [--files-root DIR] [--db PATH] [--latency FIRST_TOKEN_MS,TOKENS_PER_SEC] [--record F | --replay F]

Runs a workflow and prints its outputs as JSON on stdout; a live trace goes to stderr.
  --input JSON        the run input (default {})
  --input-file F      read the run input from a JSON file
  --sample NAME       use one of the workflow's named samples
  --json              print every trace event as a JSON line on stdout instead
  --concurrency N     run at most N nodes at once (default 4)
  --files-root DIR    folder vision "file" images are read from (default TRELLIS_FILES_ROOT, else the workflow file's folder)
  --db PATH           also record the run in a Trellis SQLite database
  --latency A,B       offline simulator pace: first token after A ms, B tokens/s (default instant)
  --record F          record every Claude call into cassette F (for a later --replay)
  --replay F          answer every Claude call from cassette F: no simulator, no key, no network
MCP servers come from the file named by TRELLIS_MCP_CONFIG; {{secrets.NAME}} reads only the
variables listed in TRELLIS_SECRETS (never ANTHROPIC_* or TRELLIS_*), as the server does.
Exit codes: 0 completed, 1 run failed, 2 invalid workflow/input/arguments, 130 interrupted.`;

interface RunArgs extends RunInputFlags {
  file: string;
  json: boolean;
  concurrency?: number;
  db?: string;
  filesRoot?: string;
  latency?: { firstTokenMs: number; tokensPerSecond: number };
  record?: string;
  replay?: string;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine('run', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;

  const loaded = await loadWorkflowFile('run', parsed.file, { printWarnings: true });
  if (!loaded) return 2;
  const { workflow, text } = loaded;
  const input = await readRunInput('run', parsed, workflow);
  if (input === undefined) return 2;
  const environment = await openCliEnvironment('run', { ...parsed, workflow });
  if (!environment) return 2;
  const printer = new TracePrinter(process.stderr, !parsed.json);
  process.stderr.write(`trellis: ${environment.claudeDescription}\n`);
  const interrupt = watchInterrupt('canceling the run');

  const runId = environment.newId('run');
  const events = runWorkflow(workflow, input, engineDepsOf(environment, { runId, signal: interrupt.signal, concurrency: parsed.concurrency }));

  let terminal: TraceEvent | undefined;
  const observed = tap(events, (event) => {
    if (parsed.json) process.stdout.write(`${JSON.stringify(event)}\n`);
    printer.print(event);
    if (isTerminalEvent(event)) terminal = event;
  });
  const store = parsed.db ? openStore(parsed.db) : undefined;
  try {
    if (store) {
      await recordRun(store, { id: runId, workflowId: workflow.id, workflowJson: text, input, createdAt: environment.now() }, observed);
      process.stderr.write(`trellis: recorded as ${runId} in ${parsed.db}\n`);
    } else {
      for await (const _event of observed) {
        // tap() does the work; draining drives the run.
      }
    }
  } finally {
    interrupt.stop();
    store?.close();
    await environment.close();
  }
  if (parsed.record) process.stderr.write(`trellis: cassette written to ${parsed.record}\n`);

  if (terminal?.type === 'run.completed') {
    if (!parsed.json) process.stdout.write(`${JSON.stringify(terminal.data.outputs, null, 2)}\n`);
    return 0;
  }
  if (terminal?.type === 'run.canceled') return interrupt.interrupted() ? 130 : 1;
  return 1;
}

function parseArgs(allArgs: readonly string[]): RunArgs {
  const flags = readReplayFlags(allArgs);
  const parsed: Omit<RunArgs, 'file'> = { json: false, record: flags.record, replay: flags.replay };
  const file = readCommandArgs(flags.rest, (flag, values) => {
    if (flag === '--json') parsed.json = true;
    else if (flag === '--concurrency') parsed.concurrency = values.integer(1, 64);
    else if (flag === '--db') parsed.db = values.value();
    else if (flag === '--files-root') parsed.filesRoot = values.value();
    else if (flag === '--latency') parsed.latency = parseLatency(values.value());
    else return takeRunInputFlag(parsed, flag, values.value);
    return true;
  });
  checkSingleRunInput(parsed);
  return { ...parsed, file };
}

function parseLatency(text: string): { firstTokenMs: number; tokensPerSecond: number } {
  const [first, rate] = text.split(',').map(Number);
  if (!Number.isFinite(first) || !Number.isFinite(rate) || (first as number) < 0 || (rate as number) < 0) throw new UsageError('--latency must be FIRST_TOKEN_MS,TOKENS_PER_SEC, e.g. 400,60');
  return { firstTokenMs: first as number, tokensPerSecond: rate as number };
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

  print(raw: TraceEvent): void {
    if (!this.enabled) return;
    // Stripped here, where run text enters the trace, so the colours painted below are the only
    // control sequences in the line (written past the CLI's filter by writeOwnControl).
    const event = stripEvent(raw);
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
        const cost = event.data.usage ? `  ${tokens(event.data.usage)}  ${formatUsd(event.data.cost_usd)}` : '';
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
        this.line(`${this.paint('32', '✓')} run completed in ${ms(event.data.duration_ms)} · ${tokens(event.data.usage)} · ${formatUsd(event.data.cost_usd)}`);
        break;
      case 'run.failed':
        this.line(`${this.paint('31', '✗')} run failed${event.data.nodeId ? ` at ${event.data.nodeId}` : ''}: ${event.data.error.message}`);
        break;
      case 'run.canceled':
        this.line(`${this.paint('33', '■')} run canceled: ${event.data.reason}`);
        break;
      case 'run.interrupted':
        this.line(`${this.paint('33', '■')} run interrupted: ${event.data.reason}`);
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
    writeOwnControl(this.out, `${text}\n`);
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)}s` : `${Math.round(value)}ms`;
}

function tokens(usage: Usage): string {
  const cache = usage.cache_read_input_tokens || usage.cache_creation_input_tokens ? ` (cache read ${usage.cache_read_input_tokens}, write ${usage.cache_creation_input_tokens})` : '';
  return `in ${usage.input_tokens} / out ${usage.output_tokens} tok${cache}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every string of the event (keys too) without control characters. */
function stripEvent(event: TraceEvent): TraceEvent {
  const walk = (value: Json): Json => {
    if (typeof value === 'string') return stripControlCharacters(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [stripControlCharacters(key), walk(item)]));
    return value;
  };
  return walk(event as unknown as Json) as unknown as TraceEvent;
}
