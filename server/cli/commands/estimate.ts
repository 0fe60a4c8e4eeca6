import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Json } from '../../../shared/json-schema';
import { loadWorkflow } from '../../../shared/format';
import { validateRunInput, type WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { createClaude } from '../../claude';
import { estimateWorkflow, type NodeEstimate, type WorkflowEstimate } from '../../estimate/estimate-workflow';
import { createGuardedFetch } from '../../net/guarded-fetch';

const USAGE = `Usage: trellis estimate <workflow.json> [--input JSON | --input-file F | --sample NAME] [--batch] [--json]

Previews what one run costs before running it: each Claude call is built like the engine builds
it, counted with the API's count_tokens (free) and priced. Nothing is generated.
  --input JSON        the run input (default: the workflow's first sample, else {})
  --input-file F      read the run input from a JSON file
  --sample NAME       use one of the workflow's named samples
  --batch             price as a Message Batch (half price)
  --json              print the estimate as JSON on stdout
Exit codes: 0 estimated, 1 some node could not be estimated, 2 invalid workflow/input/arguments.`;

interface EstimateArgs {
  file: string;
  input?: string;
  inputFile?: string;
  sample?: string;
  json: boolean;
  batch: boolean;
}

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let parsed: EstimateArgs;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`trellis estimate: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const workflow = await loadWorkflowFile(parsed.file);
  if (!workflow) return 2;
  const input = await resolveInput(parsed, workflow);
  if (input === undefined) return 2;
  const issues = validateRunInput(workflow, input);
  if (issues.length > 0) {
    printIssues('run input', issues);
    return 2;
  }

  const connection = await createClaude();
  if (connection.mode === 'simulator') process.stderr.write('trellis: offline simulator (no ANTHROPIC_API_KEY): token counts are the simulator\'s approximation\n');
  let estimate: WorkflowEstimate;
  try {
    estimate = await estimateWorkflow(workflow, input, { claude: connection.client, batch: parsed.batch, fetch: createGuardedFetch(), filesRoot: dirname(resolve(parsed.file)) });
  } finally {
    await connection.close();
  }
  if (parsed.json) process.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
  else process.stdout.write(formatTable(estimate, parsed.batch));
  return estimate.nodes.some((node) => node.error !== undefined) ? 1 : 0;
}

function formatTable(estimate: WorkflowEstimate, batch: boolean): string {
  const header = ['node', 'model', 'input tokens', 'max out', 'cost min', 'cost max', 'context'];
  const rows = estimate.nodes.map((node) => [
    `${node.nodeId}${node.conditional ? ' (if routed)' : ''}`,
    node.model,
    node.error !== undefined ? 'error' : node.input_tokens_min === node.input_tokens ? count(node.input_tokens) : `${count(node.input_tokens_min)}–${count(node.input_tokens)}`,
    count(node.max_output_tokens),
    node.error !== undefined ? '' : usd(node.cost_min_usd),
    node.error !== undefined ? '' : usd(node.cost_max_usd),
    contextShare(node),
  ]);
  rows.push(['total', '', count(estimate.total.input_tokens), '', usd(estimate.total.cost_min_usd), usd(estimate.total.cost_max_usd), '']);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string => row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const out = [line(header), ...rows.slice(0, -1).map(line), widths.map((width) => '─'.repeat(width)).join('  '), line(rows.at(-1) as string[])];
  const notes = estimate.nodes.flatMap((node) => [...(node.error !== undefined ? [`${node.nodeId}: error: ${node.error}`] : []), ...node.warnings.map((warning) => `${node.nodeId}: ${warning}`)]);
  if (notes.length > 0) out.push('', ...notes.map((note) => `⚠ ${note}`));
  out.push('', `min = one-token answers upstream and out; max = every answer as long as max_tokens${batch ? '; batch prices (half)' : ''}.`);
  return `${out.join('\n')}\n`;
}

function contextShare(node: NodeEstimate): string {
  if (node.error !== undefined || node.context_window === null) return '';
  return `${((node.input_tokens / node.context_window) * 100).toFixed(1)}%`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function usd(value: number): string {
  return `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
}

function parseArgs(args: string[]): EstimateArgs {
  const parsed: Partial<EstimateArgs> & { json: boolean; batch: boolean } = { json: false, batch: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const value = (): string => {
      const next = args[index + 1];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      index += 1;
      return next;
    };
    if (arg === '--input') parsed.input = value();
    else if (arg === '--input-file') parsed.inputFile = value();
    else if (arg === '--sample') parsed.sample = value();
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--batch') parsed.batch = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (parsed.file) throw new UsageError(`one workflow file at a time (got ${parsed.file} and ${arg})`);
    else parsed.file = arg;
  }
  if (!parsed.file) throw new UsageError('missing <workflow.json>');
  if ([parsed.input, parsed.inputFile, parsed.sample].filter((source) => source !== undefined).length > 1) throw new UsageError('use only one of --input, --input-file and --sample');
  return parsed as EstimateArgs;
}

async function loadWorkflowFile(file: string): Promise<Workflow | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`trellis estimate: cannot read ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = loadWorkflow(text);
  if (!result.valid || !result.workflow) {
    printIssues(file, result.errors);
    return undefined;
  }
  return result.workflow;
}

async function resolveInput(args: EstimateArgs, workflow: Workflow): Promise<Json | undefined> {
  if (args.sample !== undefined || (args.input === undefined && args.inputFile === undefined && workflow.samples?.length)) {
    const name = args.sample ?? workflow.samples?.[0]?.name;
    const sample = workflow.samples?.find((candidate) => candidate.name === name);
    if (!sample) {
      process.stderr.write(`trellis estimate: no sample named "${name}" (samples: ${workflow.samples?.map((candidate) => candidate.name).join(', ') || 'none'})\n`);
      return undefined;
    }
    if (args.sample === undefined) process.stderr.write(`trellis estimate: using sample "${sample.name}" as the input\n`);
    return sample.input;
  }
  let text = args.input;
  if (args.inputFile !== undefined) {
    try {
      text = await readFile(args.inputFile, 'utf8');
    } catch (error) {
      process.stderr.write(`trellis estimate: cannot read ${args.inputFile}: ${(error as Error).message}\n`);
      return undefined;
    }
  }
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    process.stderr.write(`trellis estimate: the input is not valid JSON: ${(error as Error).message}\n`);
    return undefined;
  }
}

function printIssues(subject: string, issues: readonly WorkflowIssue[]): void {
  process.stderr.write(`${subject}: ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}\n`);
  for (const issue of issues) process.stderr.write(`  ${issue.path || '/'} [${issue.rule}]${issue.nodeId ? ` (node ${issue.nodeId})` : ''}: ${issue.message}\n`);
}
