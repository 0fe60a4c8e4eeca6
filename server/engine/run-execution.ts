import { factsCatalog } from '../../shared/claude-models';
import type { Json } from '../../shared/json-schema';
import { addCost } from '../../shared/pricing';
import type { TraceError, TraceEvent } from '../../shared/trace-events';
import { addUsage, ZERO_USAGE, type Usage } from '../../shared/usage';
import { capabilitiesOf } from '../../shared/nodes';
import type { Workflow, WorkflowEdge, WorkflowNode } from '../../shared/workflow-types';
import { executeNode } from './execute-node';
import { buildGraphIndex, descendantsOf, type GraphIndex } from './graph-index';
import { NodeError } from './node-error';
import type { ResolvedDeps } from './node-runner';
import { SecretMatcher } from './secret-matcher';
import { TraceEmitter } from './trace-emitter';
import type { EngineDeps } from './types';
import { validateBeforeRun } from './validate-before-run';

type NodeState = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

const DEFAULT_CONCURRENCY = 4;

/**
 * One run of one workflow: the readiness scheduler. See README.md for the walk, the skip rules
 * and the first-failure policy.
 */
export class RunExecution {
  private readonly deps: ResolvedDeps;
  private readonly emitter: TraceEmitter;
  private readonly graph: GraphIndex;
  private readonly states = new Map<string, NodeState>();
  private readonly outputs = new Map<string, Json>();
  private readonly running = new Map<string, Promise<void>>();
  /** Aborted on cancel or first failure; its reason is a NodeError saying which. */
  private readonly controller = new AbortController();
  private failure: { nodeId: string; error: TraceError } | undefined;
  private internalError: TraceError | undefined;
  private usage: Usage = { ...ZERO_USAGE };
  private costUsd: number | null = 0;
  private readonly startedAt: number;

  constructor(
    private readonly workflow: Workflow,
    private readonly input: Json,
    deps: EngineDeps,
    sink: (event: TraceEvent) => void,
  ) {
    let counter = 0;
    this.deps = {
      ...deps,
      models: deps.models ?? factsCatalog(),
      now: deps.now ?? Date.now,
      newId: deps.newId ?? (() => `${deps.runId}_${++counter}`),
      secrets: deps.secrets ?? {},
      secretMatcher: new SecretMatcher({ ...deps.redact, ...deps.secrets }),
    };
    this.emitter = new TraceEmitter({
      runId: deps.runId,
      startSeq: deps.startSeq ?? 1,
      now: this.deps.now,
      secrets: { ...deps.redact, ...this.deps.secrets },
      flushMs: deps.deltaFlushMs ?? 0,
      flushBytes: deps.deltaFlushBytes ?? 1024,
      sink,
    });
    this.graph = buildGraphIndex(workflow);
    this.startedAt = this.deps.now();
  }

  /** Stops the run as a cancel (used when the consumer stops iterating). */
  abort(reason: string): void {
    if (!this.controller.signal.aborted) this.controller.abort(new NodeError({ type: 'aborted', message: reason }));
  }

  async execute(): Promise<void> {
    const resumed = (this.deps.completed?.length ?? 0) > 0;
    const started: Extract<TraceEvent, { type: 'run.started' }>['data'] = { workflowId: this.workflow.id, input: this.input };
    if (resumed) {
      started.resumed = true;
      started.completedNodeIds = (this.deps.completed ?? []).map((node) => node.nodeId);
    }
    this.emitter.emit({ type: 'run.started', data: started });

    const invalid = validateBeforeRun(this.workflow, this.input, this.deps.models);
    if (invalid) {
      this.emitter.emit({ type: 'run.failed', data: { ...this.totals(), error: invalid } });
      return;
    }

    const external = this.deps.signal;
    const onCancel = (): void => this.abort('The run was canceled.');
    if (external?.aborted) onCancel();
    external?.addEventListener('abort', onCancel, { once: true });
    try {
      this.restoreCompleted();
      await this.walk();
    } catch (error) {
      // A bug in the engine must still end the run with exactly one terminal event.
      this.internalError = { type: 'internal', message: error instanceof Error ? error.message : String(error) };
      this.abort('The engine failed.');
      await Promise.allSettled(this.running.values());
    } finally {
      external?.removeEventListener('abort', onCancel);
      this.emitter.flushAll();
    }
    this.finish();
  }

  private restoreCompleted(): void {
    for (const node of this.graph.nodes) this.states.set(node.id, 'pending');
    for (const done of this.deps.completed ?? []) {
      if (!this.graph.byId.has(done.nodeId)) continue;
      this.states.set(done.nodeId, done.status === 'completed' ? 'done' : 'skipped');
      if (done.status === 'completed') this.outputs.set(done.nodeId, done.output);
    }
  }

  private async walk(): Promise<void> {
    const limit = Math.max(1, this.deps.concurrency ?? DEFAULT_CONCURRENCY);
    for (;;) {
      if (this.controller.signal.aborted) break;
      this.settleSkips();
      for (const node of this.graph.nodes) {
        if (this.running.size >= limit) break;
        if (this.states.get(node.id) === 'pending' && this.isReady(node)) this.start(node);
      }
      if (this.running.size === 0) break;
      await Promise.race(this.running.values());
    }
    await Promise.all(this.running.values());
  }

  private start(node: WorkflowNode): void {
    this.states.set(node.id, 'running');
    const task = executeNode(node, {
      workflow: this.workflow,
      graph: this.graph,
      scope: this.scope(),
      outputs: this.outputs,
      deps: this.deps,
      signal: this.controller.signal,
      emitter: this.emitter,
    }).then((outcome) => {
      this.running.delete(node.id);
      this.usage = addUsage(this.usage, outcome.usage);
      this.costUsd = addCost(this.costUsd, outcome.costUsd);
      if (outcome.status === 'completed') {
        this.states.set(node.id, 'done');
        this.outputs.set(node.id, outcome.output);
        return;
      }
      this.states.set(node.id, 'failed');
      if (!this.failure && !this.controller.signal.aborted) {
        this.failure = { nodeId: node.id, error: outcome.error };
        // First-failure policy: in-flight siblings are aborted (their partial work is useless
        // once the run has failed, and aborting stops paying for it).
        this.controller.abort(new NodeError({ type: 'aborted', message: `Aborted because node "${node.id}" failed.` }));
      }
    });
    this.running.set(node.id, task);
  }

  /** Pending nodes whose inputs are all settled and none live are skipped, until nothing changes. */
  private settleSkips(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const node of this.graph.nodes) {
        if (this.states.get(node.id) !== 'pending' || !isScheduled(node)) continue;
        const incoming = this.graph.incoming.get(node.id) ?? [];
        if (incoming.length === 0 || !incoming.every((edge) => this.isSettled(edge.source))) continue;
        if (incoming.some((edge) => this.isLive(edge))) continue;
        this.skip(node.id, this.skipReason(incoming));
        changed = true;
      }
    }
  }

  private isReady(node: WorkflowNode): boolean {
    if (!isScheduled(node)) return false;
    const incoming = this.graph.incoming.get(node.id) ?? [];
    return incoming.every((edge) => this.isSettled(edge.source)) && (incoming.length === 0 || incoming.some((edge) => this.isLive(edge)));
  }

  private isSettled(nodeId: string): boolean {
    const state = this.states.get(nodeId);
    return state === 'done' || state === 'skipped';
  }

  /** An edge carries data when its source is done and, for a routing node, its handle is the chosen route. */
  private isLive(edge: WorkflowEdge): boolean {
    if (this.states.get(edge.source) !== 'done') return false;
    const source = this.graph.byId.get(edge.source);
    if (!source || !capabilitiesOf(source.type).routes || edge.sourceHandle === undefined) return true;
    return edge.sourceHandle === this.chosenRoute(edge.source);
  }

  private chosenRoute(branchId: string): string | undefined {
    const output = this.outputs.get(branchId);
    return output !== null && typeof output === 'object' && !Array.isArray(output) && typeof output.route === 'string' ? output.route : undefined;
  }

  private skipReason(incoming: readonly WorkflowEdge[]): string {
    const notTaken = incoming.find((edge) => this.states.get(edge.source) === 'done');
    if (notTaken) return `route "${notTaken.sourceHandle}" not taken by branch "${notTaken.source}" (chose "${this.chosenRoute(notTaken.source)}")`;
    return `all inputs skipped (${incoming.map((edge) => edge.source).join(', ')})`;
  }

  private skip(nodeId: string, reason: string): void {
    this.states.set(nodeId, 'skipped');
    this.emitter.emit({ type: 'node.skipped', nodeId, data: { reason } });
  }

  private scope(): Record<string, unknown> {
    return { ...Object.fromEntries(this.outputs), input: this.input, secrets: this.deps.secrets };
  }

  private finish(): void {
    if (this.internalError && !this.failure) {
      this.emitter.emit({ type: 'run.failed', data: { ...this.totals(), error: this.internalError } });
      return;
    }
    if (this.failure) {
      const downstream = descendantsOf(this.graph, this.failure.nodeId);
      for (const node of this.graph.nodes) {
        if (this.states.get(node.id) !== 'pending' || !isScheduled(node)) continue;
        this.skip(node.id, downstream.has(node.id) ? `upstream node "${this.failure.nodeId}" failed` : `not started: the run failed at node "${this.failure.nodeId}"`);
      }
      this.emitter.emit({ type: 'run.failed', data: { ...this.totals(), error: this.failure.error, nodeId: this.failure.nodeId } });
      return;
    }
    if (this.controller.signal.aborted) {
      const reason: unknown = this.controller.signal.reason;
      this.emitter.emit({ type: 'run.canceled', data: { ...this.totals(), reason: reason instanceof Error ? reason.message : 'The run was canceled.' } });
      return;
    }
    const outputs: { [id: string]: Json } = {};
    for (const node of this.graph.nodes) {
      if (capabilitiesOf(node.type).collectsOutputs && this.states.get(node.id) === 'done') outputs[node.id] = this.outputs.get(node.id) ?? null;
    }
    this.emitter.emit({ type: 'run.completed', data: { ...this.totals(), outputs } });
  }

  private totals(): { usage: Usage; cost_usd: number | null; duration_ms: number } {
    return { usage: this.usage, cost_usd: this.costUsd, duration_ms: this.deps.now() - this.startedAt };
  }
}

/** Tool providers run inside the tool loop of the node they are attached to, never on their own. */
function isScheduled(node: WorkflowNode): boolean {
  return !capabilitiesOf(node.type).isToolProvider;
}
