import type { BatchJobDetail, BatchJobMode, BatchJobSummary } from '../../../shared/api/batch-job';
import type { Json } from '../../../shared/json-schema';
import type { ModelProfile } from '../../../shared/claude-models/model-profile';
import type { NodeStatus, RunStatus, StopReason, TraceError } from '../../../shared/trace-events';
import type { Usage } from '../../../shared/usage';
import type { Workflow } from '../../../shared/workflow-types';

/** Response shapes of the HTTP API (docs/http-api.md). */

export interface Health {
  ok: boolean;
  version: string;
  claude: 'simulator' | 'anthropic';
}

/**
 * One entry of `GET /api/models`: a model profile (capabilities, lifecycle, doc facts), or the older
 * shapes (a catalogue row without effort levels or lifecycle, or a bare model the live API lists).
 * The canvas reads it through models/canvas-model-catalog, which tells them apart.
 */
export type ModelInfo = ModelProfile | { id: string; display_name: string; created_at: string; thinking_types?: readonly string[] };

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  nodeCount: number;
  /** Validation errors it was saved with (a half-built workflow); it cannot run until they are fixed. */
  errorCount?: number;
  createdAt: number;
  updatedAt: number;
}

export interface RunSummary {
  id: string;
  workflowId: string;
  workflowName: string;
  input: Json;
  status: RunStatus;
  usage: Usage;
  /** null: a model's price is unknown. */
  costUsd: number | null;
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

/** `POST /api/workflows/estimate` (docs/estimate.md): one definition with the server's. */
export type { NodeEstimate, EstimateResponse as WorkflowEstimate } from '../../../shared/api/workflow-estimate';

export type WorkflowRef = { workflowId: string } | { workflow: Workflow };

export type EstimateRequest = WorkflowRef & { input: Json; batch?: boolean };

export type DatasetMode = BatchJobMode;

export type BatchJobRequest = WorkflowRef & ({ rows: Json[] } | { csv: string }) & { mode: DatasetMode; concurrency?: number };

/**
 * `GET /api/batches/:id` (docs/http-api.md, Datasets); `POST /api/batches` answers the summary
 * alone, so the per-row parts are optional here.
 */
export type BatchJob = BatchJobSummary & Partial<Pick<BatchJobDetail, 'usage' | 'batches' | 'rows'>>;

export interface McpServerInfo {
  name: string;
  transport: 'stdio' | 'http';
}

export interface McpToolInfo {
  name: string;
  description?: string;
  input_schema: Json;
}
