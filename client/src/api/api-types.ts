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
