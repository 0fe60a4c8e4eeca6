import type { Json } from '../../shared/json-schema';
import type { TraceError } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';

/** One dataset row's result, in batch and realtime mode alike. */
export interface RowResult {
  row: number;
  status: 'completed' | 'failed' | 'canceled';
  /** Keyed by output node id (completed rows only). */
  outputs?: { [outputNodeId: string]: Json };
  /** The first failure: its node (absent for an invalid row input) and error. */
  error?: TraceError & { nodeId?: string };
  /** Nodes that did not run, with the reason (descendants of a failed node, routes not taken). */
  skipped: { nodeId: string; reason: string }[];
  usage: Usage;
  cost_usd: number;
  /** Batch mode with a store: the run this row was recorded as. */
  runId?: string;
}

export interface BatchSummary {
  id: string;
  /** 1 for the first batch submitted by this run of the dataset, and so on. */
  layer: number;
  requests: number;
  succeeded: number;
  errored: number;
  /** Found in the state file (an earlier, interrupted attempt) instead of being submitted now. */
  resumed: boolean;
}

export interface BatchReport {
  mode: 'batch' | 'realtime';
  rows: RowResult[];
  /** Batch mode: every Message Batch this report's results came from. */
  batches: BatchSummary[];
  usage: Usage;
  cost_usd: number;
  /** The same tokens priced the other way: realtime price in batch mode, batch price in realtime mode. */
  compare_cost_usd: number;
  completed: number;
  failed: number;
  /** Stopped by the signal before every row finished; the state file allows a resume. */
  interrupted: boolean;
}

export interface BatchProgress {
  phase: 'submitted' | 'polling' | 'ended' | 'row';
  layer?: number;
  batchId?: string;
  requests?: number;
  processing?: number;
  succeeded?: number;
  errored?: number;
  rowsDone: number;
  rowsTotal: number;
}
