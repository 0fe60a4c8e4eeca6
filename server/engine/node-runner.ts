import type { SecretMatcher } from './secret-matcher';
import type { ModelCatalog } from '../../shared/claude-models';
import type { ContentBlockParam, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { RequestContext, RequestOptions } from './build-request-params';
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
  /** Every granted secret and credential value, in every form: what routing may never see. */
  secretMatcher: SecretMatcher;
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
  /** Called by the scheduler, never for a type that declares `isToolProvider` (those run inside a tool loop). */
  run(ctx: NodeContext<T>): Promise<NodeResult>;
  /**
   * Content blocks put before the first message (vision: the images). The estimator asks for them
   * too, so an estimate counts exactly what a run sends.
   */
  leadBlocks?(ctx: NodeContext<T>): Promise<ContentBlockParam[]>;
  /**
   * The Messages params of its first call, for a type that declares `callsClaude`. The estimator
   * counts exactly this, so an estimate is the count of what a run sends.
   */
  firstRequest?(ctx: RequestContext, options: RequestOptions): MessageCreateParamsBase;
}

export interface UsageRecord {
  model: string;
  usage: Usage;
}
