import type { BatchSummary } from '../../shared/api/batch-summary';
import type { RowResult } from '../../shared/api/row-result';
import type { Usage } from '../../shared/usage';

// The parts the HTTP API also answers with live in shared/api, so the client reads the same types.
export type { BatchProgress } from '../../shared/api/batch-progress';
export type { BatchSummary, RowResult };

export interface BatchReport {
  mode: 'batch' | 'realtime';
  rows: RowResult[];
  /** Batch mode: every Message Batch this report's results came from. */
  batches: BatchSummary[];
  usage: Usage;
  /** null when any row's price is unknown. */
  cost_usd: number | null;
  /** The same tokens priced the other way: realtime price in batch mode, batch price in realtime mode. */
  compare_cost_usd: number | null;
  completed: number;
  failed: number;
  /** Stopped by the signal before every row finished; the state file allows a resume. */
  interrupted: boolean;
}
