import type { Json } from '../json-schema';
import type { TraceError } from '../trace-events';
import type { Usage } from '../usage';

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
  /** null: a model's price is unknown. */
  cost_usd: number | null;
  /** Batch mode with a store: the run this row was recorded as. */
  runId?: string;
}
