import type { Usage } from '../usage';
import type { BatchProgress } from './batch-progress';
import type { BatchSummary } from './batch-summary';
import type { RowResult } from './row-result';

export type BatchJobMode = 'batch' | 'realtime';

/**
 * `running` until every row has an answer; `completed` even when some rows failed (each row carries
 * its own status); `canceled` when stopped by a cancel or a server shutdown; `failed` when the job
 * itself broke (the Claude API unreachable, a batch that could not be created).
 */
export type BatchJobStatus = 'running' | 'completed' | 'canceled' | 'failed';

/** What `GET /api/batches` lists: everything but the per-row results. */
export interface BatchJobSummary {
  id: string;
  workflowId: string;
  workflowName: string;
  mode: BatchJobMode;
  status: BatchJobStatus;
  rowsTotal: number;
  rowsDone: number;
  /** The latest progress report (batch mode: the layer's batch and its request counts). */
  progress: BatchProgress | null;
  createdAt: number;
  endedAt: number | null;
  /** Why the job failed (`failed` only). */
  error: string | null;
  /** Once ended: what was paid, and what the same tokens would cost in the other mode. */
  costUsd: number | null;
  compareCostUsd: number | null;
  completed: number | null;
  failed: number | null;
}

/** What `GET /api/batches/:id` answers: the summary and, once ended, every row's result. */
export interface BatchJobDetail extends BatchJobSummary {
  usage: Usage | null;
  /** Batch mode: the Message Batches the results came from. */
  batches: BatchSummary[];
  rows: RowResult[] | null;
}
