import type Anthropic from '@anthropic-ai/sdk';
import type { Json } from '../../shared/json-schema';
import type { PriceTable } from '../../shared/pricing';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import type { GuardedFetch, McpCaller } from '../engine/types';
import type { BatchProgress, BatchReport } from './batch-report';
import { report } from './run-batch';
import { applyRowEvent, interruptedRow, type RowOutcome } from './row-outcome';
import { UsageLedger } from './usage-ledger';

export interface RunRealtimeOptions {
  claude: Anthropic;
  /** Rows running at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
  prices?: PriceTable;
  secrets?: Record<string, string>;
  fetch?: GuardedFetch;
  filesRoot?: string;
  mcp?: McpCaller;
}

/**
 * The same rows through `runWorkflow` (realtime Messages calls, full price), a bounded number at a
 * time: the comparison point for a batch run, and the fallback when results are needed now.
 */
export async function runRealtime(workflow: Workflow, rows: readonly Json[], options: RunRealtimeOptions): Promise<BatchReport> {
  const ledger = new UsageLedger(false, options.prices);
  const outcomes: RowOutcome[] = new Array(rows.length);
  const limit = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let done = 0;

  const runOne = async (row: number): Promise<void> => {
    const outcome = interruptedRow();
    const deps: Parameters<typeof runWorkflow>[2] = { claude: options.claude, runId: `row_${row}` };
    if (options.signal) deps.signal = options.signal;
    if (options.prices) deps.prices = options.prices;
    if (options.secrets) deps.secrets = options.secrets;
    if (options.fetch) deps.fetch = options.fetch;
    if (options.filesRoot) deps.filesRoot = options.filesRoot;
    if (options.mcp) deps.mcp = options.mcp;
    for await (const event of runWorkflow(workflow, rows[row] as Json, deps)) {
      if (event.type === 'node.completed' && event.data.usage && event.data.model) ledger.add(row, event.data.model, event.data.usage);
      applyRowEvent(outcome, event);
    }
    outcomes[row] = outcome;
    done += 1;
    options.onProgress?.({ phase: 'row', rowsDone: done, rowsTotal: rows.length });
  };

  const worker = async (): Promise<void> => {
    while (next < rows.length && !options.signal?.aborted) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
  for (let row = 0; row < rows.length; row += 1) {
    outcomes[row] ??= interruptedRow('The batch run was interrupted before this row started.');
  }
  return report('realtime', outcomes, ledger, [], options.signal?.aborted ?? false);
}
