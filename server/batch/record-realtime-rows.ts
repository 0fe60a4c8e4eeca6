import { stringifyWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import type { Workflow } from '../../shared/workflow-types';
import type { BatchReport } from './batch-report';
import { runRowsRealtime, type RealtimeRowsOptions } from './run-rows-realtime';
import { recordRun } from '../runs/record-run';
import type { Store } from '../store/store';

export interface RecordRealtimeOptions extends RealtimeRowsOptions {
  store: Store;
  /** Row `n` is recorded as run `<runIdPrefix>_r<n>`. */
  runIdPrefix: string;
}

/**
 * The realtime twin of `runBatch(…, { store })`: every row is an ordinary streamed run of the
 * engine, recorded in the store as it goes (so it opens in the run history like any run), and the
 * same `BatchReport` comes back, priced at the realtime rate with the batch price to compare.
 * `runRealtime` does not record; this is what the HTTP API needs.
 */
export async function recordRealtimeRows(workflow: Workflow, rows: readonly Json[], options: RecordRealtimeOptions): Promise<BatchReport> {
  const now = (): number => options.environment.now();
  const workflowJson = stringifyWorkflow(workflow);
  const runIds: string[] = [];
  const result = await runRowsRealtime(workflow, rows, options, {
    runIdFor: (row) => `${options.runIdPrefix}_r${row}`,
    consume: async (row, runId, events) => {
      await recordRun(options.store, { id: runId, workflowId: workflow.id, workflowJson, input: rows[row] as Json, createdAt: now() }, events, { now });
      runIds[row] = runId;
    },
    canceledMessage: 'The dataset run was canceled.',
    notStartedMessage: 'The dataset run was canceled before this row started.',
  });
  runIds.forEach((runId, row) => {
    const rowResult = result.rows[row];
    if (rowResult) rowResult.runId = runId;
  });
  return result;
}
