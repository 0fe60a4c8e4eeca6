import type { Json } from '../../../shared/json-schema';
import type { ModelSpec } from '../../../shared/models';
import type { NodeStatus, RunStatus, StopReason, TraceError } from '../../../shared/trace-events';
import type { Usage } from '../../../shared/usage';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';

/** Response shapes of the HTTP API (docs/http-api.md). */

export interface Health {
  ok: boolean;
  version: string;
  claude: 'simulator' | 'anthropic';
}

/** A catalogue model, or a bare model the live API lists that Trellis has no limits for. */
export type ModelInfo = ModelSpec | { id: string; display_name: string; created_at: string };

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  nodeCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface ValidationAnswer {
  valid: boolean;
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
}

export interface RunSummary {
  id: string;
  workflowId: string;
  workflowName: string;
  input: Json;
  status: RunStatus;
  usage: Usage;
  costUsd: number;
  durationMs: number | null;
  outputs: Json;
  error: TraceError | null;
  note: string | null;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export interface NodeResult {
  runId: string;
  nodeId: string;
  status: NodeStatus;
  nodeType: string;
  attempt: number;
  output: Json;
  usage: Usage | null;
  costUsd: number | null;
  model: string | null;
  stopReason: StopReason | null;
  durationMs: number | null;
}

export interface RunDetail {
  run: RunSummary & { workflow: Workflow; live: boolean };
  nodes: NodeResult[];
}

export type RunRequest = ({ workflowId: string } | { workflow: Workflow }) & { input: Json };

/** `POST /api/workflows/estimate` (docs/estimate.md). */
export interface NodeEstimate {
  nodeId: string;
  nodeType: string;
  model: string;
  input_tokens: number;
  input_tokens_min: number;
  max_output_tokens: number;
  cost_min_usd: number;
  cost_max_usd: number;
  context_window: number | null;
  /** Behind a branch route: counted in the total maximum only. */
  conditional: boolean;
  warnings: string[];
  error?: string;
}

export interface WorkflowEstimate {
  workflowId: string;
  batch: boolean;
  nodes: NodeEstimate[];
  total: { input_tokens: number; cost_min_usd: number; cost_max_usd: number };
}

export type WorkflowRef = { workflowId: string } | { workflow: Workflow };

export type EstimateRequest = WorkflowRef & { input: Json; batch?: boolean };

export type DatasetMode = 'batch' | 'realtime';

export type BatchJobRequest = WorkflowRef & ({ rows: Json[] } | { csv: string }) & { mode: DatasetMode; concurrency?: number };

export interface BatchRowResult {
  row: number;
  status: 'completed' | 'failed' | 'canceled';
  outputs?: { [outputNodeId: string]: Json };
  error?: TraceError & { nodeId?: string };
  skipped: { nodeId: string; reason: string }[];
  usage: Usage;
  cost_usd: number;
  runId?: string;
}

/** `GET /api/batches/:id` (docs/http-api.md, Datasets). */
export interface BatchJob {
  id: string;
  workflowId: string;
  workflowName: string;
  mode: DatasetMode;
  status: 'running' | 'completed' | 'canceled' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  progress: { phase: string; layer?: number; batchId?: string; requests?: number; processing?: number; succeeded?: number; errored?: number } | null;
  createdAt: number;
  endedAt: number | null;
  error: string | null;
  costUsd: number | null;
  compareCostUsd: number | null;
  completed: number | null;
  failed: number | null;
  usage?: Usage | null;
  batches?: { id: string; layer: number; requests: number; succeeded: number; errored: number }[];
  rows?: BatchRowResult[] | null;
}

export interface McpServerInfo {
  name: string;
  transport: 'stdio' | 'http';
}

export interface McpToolInfo {
  name: string;
  description?: string;
  input_schema: Json;
}
