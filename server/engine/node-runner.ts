import type { ModelCatalog } from '../../shared/claude-models';
import type { Json } from '../../shared/json-schema';
import type { StopReason, ThinkingSummary } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { NodeType, Workflow, WorkflowNodeOf } from '../../shared/workflow-types';
import type { GraphIndex } from './graph-index';
import type { NodeMeter } from './node-meter';
import type { TraceEmitter } from './trace-emitter';
import type { EngineDeps } from './types';

/** What a runner sees: its node, the rendered-template scope, the run's deps and its own signal. */
export interface NodeContext<T extends NodeType = NodeType> {
  node: WorkflowNodeOf<T>;
  workflow: Workflow;
  graph: GraphIndex;
  /** `{input, <done node id>: output, secrets}`: the template scope. */
  scope: Record<string, unknown>;
  /** Outputs of every finished node (for `continue_from`). */
  outputs: ReadonlyMap<string, Json>;
  deps: ResolvedDeps;
  /** Run cancel + first-failure; runners add their own per-call timeout on top. */
  signal: AbortSignal;
  emitter: TraceEmitter;
  meter: NodeMeter;
}

export type ResolvedDeps = EngineDeps & {
  models: ModelCatalog;
  now: () => number;
  newId: () => string;
  secrets: Record<string, string>;
};

export interface NodeResult {
  output: Json;
  stop_reason?: StopReason | null;
  model?: string;
  warnings?: string[];
  notes?: string[];
  thinking?: ThinkingSummary;
}

export interface NodeRunner<T extends NodeType = NodeType> {
  type: T;
  /**
   * Tool nodes are never scheduled: they run inside the tool loop of the node they are attached
   * to (see tools/run-tool-node.ts). Their `run` is not called by the scheduler.
   */
  scheduled: boolean;
  run(ctx: NodeContext<T>): Promise<NodeResult>;
}

export interface UsageRecord {
  model: string;
  usage: Usage;
}
