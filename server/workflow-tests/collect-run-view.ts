import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { RunView } from './test-case';

/** Folds a run's trace events into what assertions read. */
export function collectRunView(events: readonly TraceEvent[]): RunView {
  const view: RunView = { outputs: {}, nodes: {}, run: { status: 'incomplete', skipped: [] } };
  const toolCalls = new Map<string, { input: Json; output: Json; is_error: boolean }[]>();
  const pendingInputs = new Map<string, Json>();
  for (const event of events) {
    switch (event.type) {
      case 'node.completed':
        view.nodes[event.nodeId] = event.data.output;
        break;
      case 'node.skipped':
        view.run.skipped.push(event.nodeId);
        break;
      case 'node.tool_call':
        pendingInputs.set(event.data.toolUseId, event.data.input);
        break;
      case 'node.tool_result': {
        const calls = toolCalls.get(event.data.toolNodeId) ?? [];
        calls.push({ input: pendingInputs.get(event.data.toolUseId) ?? null, output: event.data.output, is_error: event.data.is_error });
        toolCalls.set(event.data.toolNodeId, calls);
        break;
      }
      case 'run.completed':
        view.run.status = 'completed';
        view.outputs = event.data.outputs;
        break;
      case 'run.failed':
        view.run.status = 'failed';
        view.run.error = { ...event.data.error, ...(event.data.nodeId ? { nodeId: event.data.nodeId } : {}) };
        break;
      case 'run.canceled':
        view.run.status = 'canceled';
        view.run.error = { type: 'canceled', message: event.data.reason };
        break;
    }
  }
  for (const [toolNodeId, calls] of toolCalls) view.nodes[toolNodeId] = { calls };
  return view;
}
