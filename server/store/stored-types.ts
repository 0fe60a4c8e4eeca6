import type { Json } from '../../shared/json-schema';
import type { NodeCompletedData, RunStatus, StopReason, TraceError } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { NodeType } from '../../shared/workflow-types';

/** Row shapes as the rest of the server sees them: parsed JSON, camelCase, epoch-ms timestamps. */

export interface StoredWorkflow {
  id: string;
  name: string;
  /** The workflow file text exactly as stored (stable key order). */
  json: string;
  createdAt: number;
  updatedAt: number;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface NewRun {
  id: string;
  workflowId: string;
  workflowJson: string;
  input: Json;
  createdAt: number;
}

export interface StoredRun {
  id: string;
  workflowId: string;
  workflowJson: string;
  input: Json;
  status: RunStatus;
  usage: Usage;
  /** null: a model's price is unknown (shown as "price unknown"). */
  costUsd: number | null;
  durationMs: number | null;
  outputs: { [outputNodeId: string]: Json } | null;
  error: TraceError | null;
  /** Set by the server, e.g. why a run became `interrupted`. */
  note: string | null;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export type StoredNodeStatus = 'running' | 'completed' | 'failed' | 'skipped';

export interface StoredNodeResult {
  runId: string;
  nodeId: string;
  status: StoredNodeStatus;
  nodeType: NodeType | null;
  attempt: number;
  output: Json | null;
  usage: Usage | null;
  costUsd: number | null;
  model: string | null;
  stopReason: StopReason | null;
  warnings: string[] | null;
  error: TraceError | null;
  skipReason: string | null;
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number | null;
}

export type NodeCompletion = Pick<NodeCompletedData, 'output' | 'usage' | 'cost_usd' | 'stop_reason' | 'model' | 'duration_ms' | 'warnings'>;
