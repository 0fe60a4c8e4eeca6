import type { Json } from '../../shared/json-schema';
import type { Workflow } from '../../shared/workflow-types';
import type { BatchReport } from './batch-report';
import { runRowsRealtime, type RealtimeRowsOptions } from './run-rows-realtime';

export type RunRealtimeOptions = RealtimeRowsOptions;

/**
 * The same rows through `runWorkflow` (realtime Messages calls, full price), a bounded number at a
 * time: the comparison point for a batch run, and the fallback when results are needed now.
 */
export async function runRealtime(workflow: Workflow, rows: readonly Json[], options: RunRealtimeOptions): Promise<BatchReport> {
  return runRowsRealtime(workflow, rows, options, {
    runIdFor: (row) => `row_${row}`,
    canceledMessage: 'The batch run was interrupted.',
    notStartedMessage: 'The batch run was interrupted before this row started.',
  });
}
