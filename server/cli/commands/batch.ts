import { existsSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Json } from '../../../shared/json-schema';
import type { Workflow } from '../../../shared/workflow-types';
import type { BatchProgress, BatchReport } from '../../batch/batch-report';
import { resultsToCsv, resultsToJsonl } from '../../batch/format-results';
import { datasetFormat, readDataset } from '../../batch/read-dataset';
import { runBatch } from '../../batch/run-batch';
import { runRealtime } from '../../batch/run-realtime';
import { openStore } from '../../store';
import { formatUsd } from '../format-usd';
import { loadWorkflowFile } from '../load-workflow-file';
import { openCliEnvironment } from '../open-cli-environment';
import { parseCommandLine } from '../parse-command-line';
import { readCommandArgs } from '../read-command-args';
import { UsageError } from '../usage-error';
import { watchInterrupt } from '../watch-interrupt';
import { writeOwnControl } from '../guard-cli-output';
import { stripControlCharacters } from '../../../shared/strip-control-characters';

const USAGE = `Usage: trellis batch <workflow.json> --dataset rows.jsonl|rows.csv [--out results.jsonl|.csv] [--realtime] [--concurrency N] [--state FILE] [--poll-ms N] [--files-root DIR]

Runs the workflow once per dataset row through the Message Batches API (half price; results
within 24 hours), or with --realtime through ordinary calls, for comparison.
  --dataset F       JSON lines (one input object per line) or CSV (header row = input fields)
  --out F           write results as .jsonl or .csv (default: JSON lines on stdout)
  --realtime        run the rows with ordinary streamed calls instead of batches
  --concurrency N   realtime: rows at once (default 4); batch: nodes at once per row
  --state F         resume file (default: <dataset>.batch-state.json, removed when the run completes);
                    re-run the same command after an interruption to pick up where it stopped
  --poll-ms N       wait between batch status polls (default 10000; 200 on the simulator)
  --db PATH         batch mode: also record every row as a run in a Trellis SQLite database
  --files-root DIR  folder vision "file" images are read from (default TRELLIS_FILES_ROOT, else the workflow file's folder)
Progress goes to stderr. Exit codes: 0 every row completed, 1 some rows failed, 2 invalid
arguments/workflow/dataset, 130 interrupted (resumable).`;

interface BatchArgs {
  file: string;
  dataset: string;
  out?: string;
  realtime: boolean;
  concurrency?: number;
  state?: string;
  pollMs?: number;
  db?: string;
  filesRoot?: string;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine('batch', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const loaded = await load(parsed);
  if (!loaded) return 2;
  const { workflow, rows } = loaded;

  const environment = await openCliEnvironment('batch', { file: parsed.file, workflow, filesRoot: parsed.filesRoot });
  if (!environment) return 2;
  const simulated = environment.claudeMode === 'simulator';
  process.stderr.write(`trellis: ${environment.claudeDescription}\n`);
  const interrupt = watchInterrupt('stopping');
  const progress = new ProgressLine(process.stderr, rows.length);
  const statePath = parsed.state ?? `${parsed.dataset}.batch-state.json`;
  const common = { environment, signal: interrupt.signal, onProgress: (update: BatchProgress) => progress.update(update) };

  const store = parsed.db && !parsed.realtime ? openStore(parsed.db) : undefined;
  let report: BatchReport;
  try {
    if (parsed.realtime) {
      report = await runRealtime(workflow, rows, { ...common, ...(parsed.concurrency ? { concurrency: parsed.concurrency } : {}) });
    } else {
      if (existsSync(statePath)) process.stderr.write(`trellis: resuming from ${statePath}\n`);
      report = await runBatch(workflow, rows, { ...common, statePath, pollMs: parsed.pollMs ?? (simulated ? 200 : 10_000), ...(parsed.concurrency ? { concurrency: parsed.concurrency } : {}), ...(store ? { store } : {}) });
    }
  } catch (error) {
    progress.finish();
    process.stderr.write(`trellis batch: ${(error as Error).message}\n`);
    return 2;
  } finally {
    interrupt.stop();
    store?.close();
    await environment.close();
  }
  progress.finish();

  if (report.interrupted) {
    process.stderr.write(parsed.realtime ? 'trellis: interrupted; realtime runs do not resume\n' : `trellis: interrupted; run the same command again to resume from ${statePath}\n`);
    return 130;
  }
  if (!parsed.realtime && parsed.state === undefined) rmSync(statePath, { force: true });
  const body = parsed.out && /\.csv$/i.test(parsed.out) ? resultsToCsv(report.rows) : resultsToJsonl(report.rows);
  if (parsed.out) await writeFile(parsed.out, body);
  else process.stdout.write(body);
  printSummary(report);
  return report.failed > 0 ? 1 : 0;
}

function printSummary(report: BatchReport): void {
  const other = report.mode === 'batch' ? 'realtime' : 'a batch';
  process.stderr.write(`${report.completed} completed, ${report.failed} failed of ${report.rows.length} rows · ${report.usage.input_tokens} in / ${report.usage.output_tokens} out tokens · ${formatUsd(report.cost_usd)} (${other} would cost ${formatUsd(report.compare_cost_usd)})\n`);
  const failures = report.rows.filter((row) => row.status === 'failed');
  for (const row of failures.slice(0, 10)) process.stderr.write(`  row ${row.row}: ${row.error?.nodeId ? `${row.error.nodeId}: ` : ''}${row.error?.message ?? 'failed'}\n`);
  if (failures.length > 10) process.stderr.write(`  … and ${failures.length - 10} more (see the results)\n`);
}

async function load(args: BatchArgs): Promise<{ workflow: Workflow; rows: Json[] } | undefined> {
  const workflow = (await loadWorkflowFile('batch', args.file))?.workflow;
  if (!workflow) return undefined;
  let datasetText: string;
  try {
    datasetText = await readFile(args.dataset, 'utf8');
  } catch (error) {
    process.stderr.write(`trellis batch: ${(error as Error).message}\n`);
    return undefined;
  }
  try {
    const rows = readDataset(datasetText, datasetFormat(args.dataset), workflow.inputs);
    if (rows.length === 0) throw new Error('the dataset has no rows');
    return { workflow, rows };
  } catch (error) {
    process.stderr.write(`${args.dataset}: ${(error as Error).message}\n`);
    return undefined;
  }
}

function parseArgs(args: readonly string[]): BatchArgs {
  const parsed: Omit<BatchArgs, 'file' | 'dataset'> & { dataset?: string } = { realtime: false };
  const file = readCommandArgs(args, (flag, values) => {
    if (flag === '--dataset') parsed.dataset = values.value();
    else if (flag === '--out') parsed.out = values.value();
    else if (flag === '--realtime') parsed.realtime = true;
    else if (flag === '--concurrency') parsed.concurrency = values.integer(1, 64);
    else if (flag === '--state') parsed.state = values.value();
    else if (flag === '--poll-ms') parsed.pollMs = values.integer(1, 3_600_000);
    else if (flag === '--db') parsed.db = values.value();
    else if (flag === '--files-root') parsed.filesRoot = values.value();
    else return false;
    return true;
  });
  if (!parsed.dataset) throw new UsageError('missing --dataset rows.jsonl|rows.csv');
  if (parsed.out && !/\.(csv|jsonl)$/i.test(parsed.out)) throw new UsageError('--out must end in .jsonl or .csv');
  return { ...parsed, file, dataset: parsed.dataset };
}

/**
 * Progress on stderr: a redrawn bar on a terminal, plain lines otherwise (CI logs, pipes), and
 * only when something changes so logs stay short.
 */
class ProgressLine {
  private last = '';
  private readonly tty: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly total: number,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  update(progress: BatchProgress): void {
    const text = describe(progress);
    if (text === this.last) return;
    this.last = text;
    if (!this.tty) {
      if (progress.phase !== 'row' || progress.rowsDone === progress.rowsTotal || progress.rowsDone % Math.max(1, Math.ceil(this.total / 10)) === 0) this.out.write(`${text}\n`);
      return;
    }
    const share = batchShare(progress);
    const width = 24;
    const filled = Math.round(share * width);
    writeOwnControl(this.out, `\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${stripControlCharacters(text)}`);
  }

  finish(): void {
    if (this.tty && this.last) this.out.write('\n');
  }
}

function batchShare(progress: BatchProgress): number {
  if (progress.phase === 'row') return progress.rowsDone / Math.max(1, progress.rowsTotal);
  const requests = progress.requests ?? 0;
  return requests === 0 ? 0 : (requests - (progress.processing ?? requests)) / requests;
}

function describe(progress: BatchProgress): string {
  if (progress.phase === 'row') return `${progress.rowsDone}/${progress.rowsTotal} rows done`;
  const counts = progress.phase === 'ended' ? ` · ${progress.succeeded ?? 0} succeeded, ${progress.errored ?? 0} errored` : '';
  return `layer ${progress.layer} · ${progress.batchId} ${progress.phase} · ${progress.requests} requests${counts} · ${progress.rowsDone}/${progress.rowsTotal} rows done`;
}
