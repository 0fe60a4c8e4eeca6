import { EstimateTooLargeError } from '../../estimate/estimate-limits';
import { estimateWorkflow, type NodeEstimate, type WorkflowEstimate } from '../../estimate/estimate-workflow';
import { formatUsd } from '../format-usd';
import { loadWorkflowFile } from '../load-workflow-file';
import { openCliEnvironment } from '../open-cli-environment';
import { parseCommandLine } from '../parse-command-line';
import { readCommandArgs } from '../read-command-args';
import { readRunInput } from '../read-run-input';
import { checkSingleRunInput, takeRunInputFlag, type RunInputFlags } from '../run-input-flags';

const USAGE = `Usage: trellis estimate <workflow.json> [--input JSON | --input-file F | --sample NAME] [--batch] [--json] [--files-root DIR]

Previews what one run costs before running it: each Claude call is built like the engine builds
it, counted with the API's count_tokens (free) and priced. Nothing is generated.
  --input JSON        the run input (default: the workflow's first sample, else {})
  --input-file F      read the run input from a JSON file
  --sample NAME       use one of the workflow's named samples
  --batch             price as a Message Batch (half price)
  --json              print the estimate as JSON on stdout
  --files-root DIR    folder vision "file" images are read from (default TRELLIS_FILES_ROOT, else the workflow file's folder)
Exit codes: 0 estimated, 1 some node could not be estimated, 2 invalid workflow/input/arguments.`;

interface EstimateArgs extends RunInputFlags {
  file: string;
  json: boolean;
  batch: boolean;
  filesRoot?: string;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine('estimate', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const workflow = (await loadWorkflowFile('estimate', parsed.file))?.workflow;
  if (!workflow) return 2;
  const input = await readRunInput('estimate', parsed, workflow, { firstSampleByDefault: true });
  if (input === undefined) return 2;

  const environment = await openCliEnvironment('estimate', { file: parsed.file, workflow, filesRoot: parsed.filesRoot });
  if (!environment) return 2;
  if (environment.claudeMode === 'simulator') process.stderr.write('trellis: offline simulator (no ANTHROPIC_API_KEY): token counts are the simulator\'s approximation\n');
  let estimate: WorkflowEstimate;
  try {
    estimate = await estimateWorkflow(workflow, input, { environment, batch: parsed.batch });
  } catch (error) {
    // Too large to estimate is a property of the workflow and input, like an invalid one: exit 2.
    if (!(error instanceof EstimateTooLargeError)) throw error;
    process.stderr.write(`trellis estimate: ${error.message}\n`);
    return 2;
  } finally {
    await environment.close();
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
    node.error !== undefined ? '' : formatUsd(node.cost_min_usd),
    node.error !== undefined ? '' : formatUsd(node.cost_max_usd),
    contextShare(node),
  ]);
  rows.push(['total', '', count(estimate.total.input_tokens), '', formatUsd(estimate.total.cost_min_usd), formatUsd(estimate.total.cost_max_usd), '']);
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

function parseArgs(args: readonly string[]): EstimateArgs {
  const parsed: Omit<EstimateArgs, 'file'> = { json: false, batch: false };
  const file = readCommandArgs(args, (flag, values) => {
    if (flag === '--json') parsed.json = true;
    else if (flag === '--batch') parsed.batch = true;
    else if (flag === '--files-root') parsed.filesRoot = values.value();
    else return takeRunInputFlag(parsed, flag, values.value);
    return true;
  });
  checkSingleRunInput(parsed);
  return { ...parsed, file };
}
