import type { Json } from '../../shared/json-schema';
import type { TraceError, TraceEvent } from '../../shared/trace-events';

/** One dataset row's result, folded from the trace of its run. */
export interface RowOutcome {
  status: 'completed' | 'failed' | 'canceled';
  outputs: { [outputNodeId: string]: Json };
  error?: TraceError & { nodeId?: string };
  skipped: { nodeId: string; reason: string }[];
}

/** A row that has not ended (yet): what it counts as if the batch run stops first. */
export function interruptedRow(message = 'The batch run was interrupted.'): RowOutcome {
  return { status: 'canceled', outputs: {}, skipped: [], error: { type: 'aborted', message } };
}

/** Folds one trace event of the row's run into its outcome; a canceled run keeps `interruptedRow`. */
export function applyRowEvent(outcome: RowOutcome, event: TraceEvent): void {
  if (event.type === 'node.skipped') outcome.skipped.push({ nodeId: event.nodeId, reason: event.data.reason });
  else if (event.type === 'run.completed') {
    outcome.status = 'completed';
    outcome.outputs = event.data.outputs;
    delete outcome.error;
  } else if (event.type === 'run.failed') {
    outcome.status = 'failed';
    outcome.error = event.data.nodeId === undefined ? event.data.error : { ...event.data.error, nodeId: event.data.nodeId };
  }
}
