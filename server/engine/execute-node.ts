import type { Json } from '../../shared/json-schema';
import type { TraceError } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { WorkflowNode } from '../../shared/workflow-types';
import { NodeError } from './node-error';
import { NodeMeter } from './node-meter';
import type { NodeContext, NodeResult } from './node-runner';
import { runnerFor } from './nodes';
import { sleep } from './sleep';
import { toTraceError } from './to-trace-error';

export type NodeOutcome =
  | { status: 'completed'; output: Json; usage: Usage; costUsd: number }
  | { status: 'failed'; error: TraceError; usage: Usage; costUsd: number };

const DEFAULT_BACKOFF_MS = 1000;

/**
 * Runs one scheduled node under its `retry` policy and emits node.started / node.retry /
 * node.completed / node.failed. Never throws: the scheduler only sees the outcome.
 */
export async function executeNode(node: WorkflowNode, base: Omit<NodeContext, 'node' | 'meter'>): Promise<NodeOutcome> {
  const { emitter, deps, signal } = base;
  const meter = new NodeMeter(deps.prices);
  const ctx = { ...base, node, meter } as NodeContext;
  const policy = 'retry' in node.config ? node.config.retry : undefined;
  const attempts = Math.max(1, policy?.attempts ?? 1);
  const startedAt = deps.now();
  for (let attempt = 1; ; attempt += 1) {
    emitter.emit({ type: 'node.started', nodeId: node.id, data: { nodeType: node.type, attempt } });
    let result: NodeResult;
    try {
      result = await runnerFor(node.type).run(ctx);
    } catch (error) {
      const traceError = signal.aborted ? abortedError(signal) : toTraceError(error);
      const retryable = error instanceof NodeError ? error.retryable : !signal.aborted;
      if (retryable && attempt < attempts && !signal.aborted) {
        const delay = (policy?.backoff_ms ?? DEFAULT_BACKOFF_MS) * 2 ** (attempt - 1);
        emitter.emit({ type: 'node.retry', nodeId: node.id, data: { attempt: attempt + 1, error: traceError, delay_ms: delay } });
        try {
          await sleep(delay, signal);
          continue;
        } catch {
          return fail(abortedError(signal));
        }
      }
      return fail(traceError);
    }
    const duration = deps.now() - startedAt;
    const data: Parameters<typeof emitter.emit>[0]['data'] & Record<string, unknown> = {
      output: result.output,
      duration_ms: duration,
    };
    if (meter.calls > 0) {
      data.usage = meter.usage;
      data.cost_usd = meter.costUsd;
      data.model_ms = meter.modelMs;
    }
    data.engine_ms = Math.max(0, duration - meter.modelMs - meter.toolMs);
    if (result.stop_reason !== undefined) data.stop_reason = result.stop_reason;
    if (result.model !== undefined) data.model = result.model;
    if (result.warnings && result.warnings.length > 0) data.warnings = result.warnings;
    if (result.notes && result.notes.length > 0) data.notes = result.notes;
    if (result.thinking) data.thinking = result.thinking;
    emitter.emit({ type: 'node.completed', nodeId: node.id, data: data as never });
    return { status: 'completed', output: result.output, usage: meter.usage, costUsd: meter.costUsd };
  }

  function fail(error: TraceError): NodeOutcome {
    emitter.emit({ type: 'node.failed', nodeId: node.id, data: { error, duration_ms: deps.now() - startedAt } });
    return { status: 'failed', error, usage: meter.usage, costUsd: meter.costUsd };
  }
}

function abortedError(signal: AbortSignal): TraceError {
  const reason: unknown = signal.reason;
  if (reason instanceof NodeError) return reason.traceError;
  return { type: 'aborted', message: typeof reason === 'string' ? reason : 'The run was canceled.' };
}
