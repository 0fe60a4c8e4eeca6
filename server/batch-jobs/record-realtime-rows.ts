import type Anthropic from '@anthropic-ai/sdk';
import { stringifyWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import type { PriceTable } from '../../shared/pricing';
import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';
import type { BatchProgress, BatchReport } from '../batch/batch-report';
import { report } from '../batch/run-batch';
import type { RowOutcome } from '../batch/run-row';
import { UsageLedger } from '../batch/usage-ledger';
import { runWorkflow } from '../engine/run-workflow';
import type { GuardedFetch, McpCaller } from '../engine/types';
import { recordRun } from '../runs/record-run';
import type { Store } from '../store/store';

export interface RecordRealtimeOptions {
  claude: Anthropic;
  store: Store;
  /** Row `n` is recorded as run `<runIdPrefix>_r<n>`. */
  runIdPrefix: string;
  /** Rows running at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
  prices?: PriceTable;
  secrets?: Record<string, string>;
  fetch?: GuardedFetch;
  filesRoot?: string;
  mcp?: McpCaller;
  now?: () => number;
}

/**
 * The realtime twin of `runBatch(…, { store })`: every row is an ordinary streamed run of the
 * engine, recorded in the store as it goes (so it opens in the run history like any run), and the
 * same `BatchReport` comes back, priced at the realtime rate with the batch price to compare.
 * `runRealtime` in server/batch does not record; this is what the HTTP API needs.
 */
export async function recordRealtimeRows(workflow: Workflow, rows: readonly Json[], options: RecordRealtimeOptions): Promise<BatchReport> {
  const now = options.now ?? Date.now;
  const ledger = new UsageLedger(false, options.prices);
  const outcomes: RowOutcome[] = new Array(rows.length);
  const runIds: string[] = [];
  const workflowJson = stringifyWorkflow(workflow);
  const limit = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let done = 0;

  const runOne = async (row: number): Promise<void> => {
    const input = rows[row] as Json;
    const runId = `${options.runIdPrefix}_r${row}`;
    const outcome: RowOutcome = { status: 'canceled', outputs: {}, skipped: [], error: { type: 'aborted', message: 'The dataset run was canceled.' } };
    const deps: Parameters<typeof runWorkflow>[2] = { claude: options.claude, runId, now };
    if (options.signal) deps.signal = options.signal;
    if (options.prices) deps.prices = options.prices;
    if (options.secrets) deps.secrets = options.secrets;
    if (options.fetch) deps.fetch = options.fetch;
    if (options.filesRoot) deps.filesRoot = options.filesRoot;
    if (options.mcp) deps.mcp = options.mcp;
    async function* observed(): AsyncIterable<TraceEvent> {
      for await (const event of runWorkflow(workflow, input, deps)) {
        noteEvent(event, row, outcome, ledger);
        yield event;
      }
    }
    await recordRun(options.store, { id: runId, workflowId: workflow.id, workflowJson, input, createdAt: now() }, observed(), { now });
    outcomes[row] = outcome;
    runIds[row] = runId;
    done += 1;
    options.onProgress?.({ phase: 'row', rowsDone: done, rowsTotal: rows.length });
  };

  const worker = async (): Promise<void> => {
    while (next < rows.length && !options.signal?.aborted) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
  for (let row = 0; row < rows.length; row += 1) {
    outcomes[row] ??= { status: 'canceled', outputs: {}, skipped: [], error: { type: 'aborted', message: 'The dataset run was canceled before this row started.' } };
  }
  const result = report('realtime', outcomes, ledger, [], options.signal?.aborted ?? false);
  runIds.forEach((runId, row) => {
    const rowResult = result.rows[row];
    if (rowResult) rowResult.runId = runId;
  });
  return result;
}

function noteEvent(event: TraceEvent, row: number, outcome: RowOutcome, ledger: UsageLedger): void {
  if (event.type === 'node.completed' && event.data.usage && event.data.model) ledger.add(row, event.data.model, event.data.usage);
  else if (event.type === 'node.skipped') outcome.skipped.push({ nodeId: event.nodeId, reason: event.data.reason });
  else if (event.type === 'run.completed') {
    outcome.status = 'completed';
    outcome.outputs = event.data.outputs;
    delete outcome.error;
  } else if (event.type === 'run.failed') {
    outcome.status = 'failed';
    outcome.error = event.data.nodeId === undefined ? event.data.error : { ...event.data.error, nodeId: event.data.nodeId };
  }
}
