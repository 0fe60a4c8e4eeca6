import type Anthropic from '@anthropic-ai/sdk';
import type { Json } from '../../shared/json-schema';
import type { TraceError, TraceEvent } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { Workflow, WorkflowEdge, WorkflowNode } from '../../shared/workflow-types';
import { executeNode } from '../engine/execute-node';
import { descendantsOf, type GraphIndex } from '../engine/graph-index';
import type { ResolvedDeps } from '../engine/node-runner';
import { runnerFor } from '../engine/nodes';
import { TraceEmitter } from '../engine/trace-emitter';
import type { EngineDeps } from '../engine/types';
import { validateBeforeRun } from '../engine/validate-before-run';

export interface RowRunOptions {
  workflow: Workflow;
  graph: GraphIndex;
  input: Json;
  /** The client a node's Claude calls go through: batch mode routes each node to the collector. */
  claudeFor: (nodeId: string) => Anthropic;
  signal: AbortSignal;
  deps: Omit<EngineDeps, 'claude' | 'runId' | 'signal'>;
  /** Receives the row's trace events (the same vocabulary as a realtime run) for recording. */
  trace?: { runId: string; sink: (event: TraceEvent) => void; totals: () => { usage: Usage; cost_usd: number } };
}

export interface RowOutcome {
  status: 'completed' | 'failed' | 'canceled';
  outputs: { [outputNodeId: string]: Json };
  error?: TraceError & { nodeId?: string };
  skipped: { nodeId: string; reason: string }[];
}

type NodeState = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

const DEFAULT_CONCURRENCY = 4;

/**
 * One dataset row through the workflow, with the engine's own node execution (executeNode and the
 * node runners) and its scheduling rules: readiness, branch skips, first failure aborts the row.
 * It differs from runWorkflow only in that each node gets its own Claude client, which is how batch
 * mode knows which node a request belongs to (see docs/batch.md, "engine hook").
 */
export async function runRow(options: RowRunOptions): Promise<RowOutcome> {
  const { workflow, graph } = options;
  const skipped: RowOutcome['skipped'] = [];
  const now = options.deps.now ?? Date.now;
  const startedAt = now();
  const secrets = options.deps.secrets ?? {};
  const emitter = new TraceEmitter({ runId: options.trace?.runId ?? 'batch-row', startSeq: 1, now, secrets, flushMs: 0, flushBytes: Number.MAX_SAFE_INTEGER, sink: options.trace?.sink ?? (() => {}) });
  const finish = (outcome: RowOutcome): RowOutcome => {
    if (!options.trace) return outcome;
    const totals = { ...options.trace.totals(), duration_ms: now() - startedAt };
    if (outcome.status === 'completed') emitter.emit({ type: 'run.completed', data: { ...totals, outputs: outcome.outputs } });
    else if (outcome.status === 'canceled') emitter.emit({ type: 'run.canceled', data: { ...totals, reason: outcome.error?.message ?? 'canceled' } });
    else {
      const { nodeId, ...error } = outcome.error ?? { type: 'internal', message: 'failed' };
      emitter.emit({ type: 'run.failed', data: nodeId === undefined ? { ...totals, error } : { ...totals, error, nodeId } });
    }
    return outcome;
  };
  emitter.emit({ type: 'run.started', data: { workflowId: workflow.id, input: options.input } });
  const invalid = validateBeforeRun(workflow, options.input);
  if (invalid) return finish({ status: 'failed', outputs: {}, error: invalid, skipped });

  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal.reason);
  if (options.signal.aborted) onAbort();
  options.signal.addEventListener('abort', onAbort, { once: true });

  const states = new Map<string, NodeState>(graph.nodes.map((node) => [node.id, 'pending']));
  const outputs = new Map<string, Json>();
  const running = new Map<string, Promise<void>>();
  let ids = 0;
  const base: ResolvedDeps = { ...options.deps, claude: options.claudeFor('input'), runId: options.trace?.runId ?? 'batch-row', now, newId: options.deps.newId ?? (() => `row_${++ids}`), secrets };
  let failure: { nodeId: string; error: TraceError } | undefined;

  const isSettled = (id: string): boolean => states.get(id) === 'done' || states.get(id) === 'skipped';
  const chosenRoute = (id: string): unknown => (outputs.get(id) as { route?: unknown } | undefined)?.route;
  const isLive = (edge: WorkflowEdge): boolean => {
    if (states.get(edge.source) !== 'done') return false;
    if (graph.byId.get(edge.source)?.type !== 'branch' || edge.sourceHandle === undefined) return true;
    return edge.sourceHandle === chosenRoute(edge.source);
  };
  const skip = (id: string, reason: string): void => {
    states.set(id, 'skipped');
    skipped.push({ nodeId: id, reason });
    emitter.emit({ type: 'node.skipped', nodeId: id, data: { reason } });
  };

  const start = (node: WorkflowNode): void => {
    states.set(node.id, 'running');
    const scope = { ...Object.fromEntries(outputs), input: options.input, secrets };
    const task = executeNode(node, { workflow, graph, scope, outputs, deps: { ...base, claude: options.claudeFor(node.id) }, signal: controller.signal, emitter }).then((outcome) => {
      running.delete(node.id);
      if (outcome.status === 'completed') {
        states.set(node.id, 'done');
        outputs.set(node.id, outcome.output);
        return;
      }
      states.set(node.id, 'failed');
      if (!failure && !controller.signal.aborted) {
        failure = { nodeId: node.id, error: outcome.error };
        controller.abort(new Error(`node "${node.id}" failed`));
      }
    });
    running.set(node.id, task);
  };

  try {
    for (;;) {
      if (controller.signal.aborted) break;
      for (let changed = true; changed; ) {
        changed = false;
        for (const node of graph.nodes) {
          if (states.get(node.id) !== 'pending' || !runnerFor(node.type).scheduled) continue;
          const incoming = graph.incoming.get(node.id) ?? [];
          if (incoming.length === 0 || !incoming.every((edge) => isSettled(edge.source)) || incoming.some(isLive)) continue;
          skip(node.id, `no live input (${incoming.map((edge) => edge.source).join(', ')})`);
          changed = true;
        }
      }
      for (const node of graph.nodes) {
        if (running.size >= (options.deps.concurrency ?? DEFAULT_CONCURRENCY)) break;
        if (states.get(node.id) !== 'pending' || !runnerFor(node.type).scheduled) continue;
        const incoming = graph.incoming.get(node.id) ?? [];
        if (incoming.every((edge) => isSettled(edge.source)) && (incoming.length === 0 || incoming.some(isLive))) start(node);
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    await Promise.all(running.values());
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }

  if (failure) {
    const downstream = descendantsOf(graph, failure.nodeId);
    for (const node of graph.nodes) {
      if (states.get(node.id) === 'pending' && runnerFor(node.type).scheduled) skip(node.id, downstream.has(node.id) ? `upstream node "${failure.nodeId}" failed` : `not started: the row failed at node "${failure.nodeId}"`);
    }
    return finish({ status: 'failed', outputs: {}, error: { ...failure.error, nodeId: failure.nodeId }, skipped });
  }
  if (controller.signal.aborted) return finish({ status: 'canceled', outputs: {}, error: { type: 'aborted', message: 'The batch run was interrupted.' }, skipped });
  const result: RowOutcome['outputs'] = {};
  for (const node of graph.nodes) if (node.type === 'output' && states.get(node.id) === 'done') result[node.id] = outputs.get(node.id) ?? null;
  return finish({ status: 'completed', outputs: result, skipped });
}
