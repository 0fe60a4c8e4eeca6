import type { Json } from '../../../shared/json-schema';
import type { TraceEvent } from '../../../shared/trace-events';
import { appendText, appendToolCall, settleFinalText } from './trace-segments';
import { idleNode, type NodeRunState, type RunState } from './run-state';

/**
 * The only way the run slice changes (STYLE §10). Pure: returns `state` itself when the event is
 * ignored (another run, or a seq already applied — SSE reconnects and replays may repeat events),
 * otherwise a new state in which only the touched node's object is new, so a streamed delta
 * re-renders only that node.
 */
export function applyTraceEvent(state: RunState, event: TraceEvent): RunState {
  if (state.runId !== null && event.runId !== state.runId) return state;
  if (event.seq <= state.lastSeq) return state;
  const next: RunState = { ...state, runId: event.runId, lastSeq: event.seq };

  switch (event.type) {
    case 'run.started': {
      // A resumed run's log holds the earlier attempt's terminal event before this one: the run is
      // live again, and only the last terminal event is its outcome. Nodes it did not keep run again.
      const restarted: RunState = { ...next, status: 'running', input: event.data.input, error: undefined, failedNodeId: undefined, cancelReason: undefined, outputs: undefined, usage: undefined, costUsd: undefined, durationMs: undefined };
      const kept = event.data.resumed ? event.data.completedNodeIds : undefined;
      if (!kept) return restarted;
      const nodes = Object.fromEntries(Object.entries(state.nodes).map(([nodeId, node]) => [nodeId, kept.includes(nodeId) ? node : idleNode()]));
      return { ...restarted, nodes };
    }
    case 'node.started':
      // A retry starts the node over: the failed attempt's text stays in the event log only.
      return updateNode(next, event.nodeId, (node) => ({ ...idleNode(), retries: node.retries, status: 'running', attempt: event.data.attempt }));
    case 'node.delta': {
      const field = event.data.kind === 'text' ? 'text' : event.data.kind === 'thinking' ? 'thinking' : 'toolInput';
      const text = event.data.text;
      return updateNode(next, event.nodeId, (node) => ({ ...node, [field]: node[field] + text, segments: field === 'text' ? appendText(node.segments, text) : node.segments }));
    }
    case 'node.tool_call': {
      const call = { toolUseId: event.data.toolUseId, toolNodeId: event.data.toolNodeId, name: event.data.name, input: event.data.input, round: event.data.round };
      const withCaller = updateNode(next, event.nodeId, (node) => ({ ...node, toolCalls: [...node.toolCalls, call], segments: appendToolCall(node.segments, call.toolUseId), toolInput: '' }));
      // Tool nodes are never scheduled; they light up while one of their calls runs.
      return updateNode(withCaller, event.data.toolNodeId, (node) => ({ ...node, status: 'running', toolCalls: [...node.toolCalls, call] }));
    }
    case 'node.tool_result': {
      const { toolUseId, output, is_error: isError, duration_ms: durationMs } = event.data;
      const finish = (node: NodeRunState): NodeRunState => ({
        ...node,
        toolCalls: node.toolCalls.map((call) => (call.toolUseId === toolUseId ? { ...call, output, isError, durationMs } : call)),
      });
      const withCaller = updateNode(next, event.nodeId, finish);
      return updateNode(withCaller, event.data.toolNodeId, (node) => ({ ...finish(node), status: 'completed', output }));
    }
    case 'node.retry':
      return updateNode(next, event.nodeId, (node) => ({ ...node, retries: [...node.retries, { attempt: event.data.attempt, error: event.data.error, delayMs: event.data.delay_ms }] }));
    case 'node.completed': {
      const data = event.data;
      return updateNode(next, event.nodeId, (node) => ({
        ...node,
        status: 'completed',
        output: data.output,
        route: routeOf(data.output),
        stopReason: data.stop_reason,
        usage: data.usage,
        costUsd: data.cost_usd,
        model: data.model,
        durationMs: data.duration_ms,
        modelMs: data.model_ms,
        engineMs: data.engine_ms,
        warnings: data.warnings,
        notes: data.notes,
        thinkingSummary: data.thinking,
        // The stream may be coalesced or cut short on replay; the output holds the final text.
        text: textOf(data.output) ?? node.text,
        segments: settleFinalText(node.segments, textOf(data.output)),
      }));
    }
    case 'node.skipped':
      return updateNode(next, event.nodeId, (node) => ({ ...node, status: 'skipped', skipReason: event.data.reason }));
    case 'node.failed':
      return updateNode(next, event.nodeId, (node) => ({ ...node, status: 'failed', error: event.data.error, durationMs: event.data.duration_ms }));
    case 'run.completed':
      return { ...next, status: 'completed', outputs: event.data.outputs, usage: event.data.usage, costUsd: event.data.cost_usd, durationMs: event.data.duration_ms };
    case 'run.failed':
      return { ...next, status: 'failed', error: event.data.error, failedNodeId: event.data.nodeId, usage: event.data.usage, costUsd: event.data.cost_usd, durationMs: event.data.duration_ms };
    case 'run.canceled':
      return { ...next, status: 'canceled', cancelReason: event.data.reason, usage: event.data.usage, costUsd: event.data.cost_usd, durationMs: event.data.duration_ms };
    case 'run.interrupted':
      // Not an outcome: the server stopped mid-run, and Resume continues it from here.
      return { ...next, status: 'interrupted', cancelReason: event.data.reason, usage: event.data.usage, costUsd: event.data.cost_usd, durationMs: event.data.duration_ms };
    default:
      return next;
  }
}

/** Applies events in order; the reducer's seq check makes the batch safe to repeat. */
export function applyTraceEvents(state: RunState, events: readonly TraceEvent[]): RunState {
  return events.reduce(applyTraceEvent, state);
}

function updateNode(state: RunState, nodeId: string, change: (node: NodeRunState) => NodeRunState): RunState {
  const current = state.nodes[nodeId] ?? idleNode();
  return { ...state, nodes: { ...state.nodes, [nodeId]: change(current) } };
}

function fieldOf(output: Json, field: string): Json | undefined {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) return undefined;
  return Object.prototype.hasOwnProperty.call(output, field) ? output[field] : undefined;
}

function routeOf(output: Json): string | undefined {
  const route = fieldOf(output, 'route');
  return typeof route === 'string' ? route : undefined;
}

function textOf(output: Json): string | undefined {
  const text = fieldOf(output, 'text');
  return typeof text === 'string' ? text : undefined;
}
