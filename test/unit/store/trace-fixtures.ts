import type { TraceEvent } from '../../../shared/trace-events';
import { ZERO_USAGE } from '../../../shared/usage';

/** Builders for hand-written trace streams; seq is given explicitly so tests read like a log. */
export const ev = {
  runStarted: (runId: string, seq: number): TraceEvent => ({ seq, ts: 1000 + seq, runId, type: 'run.started', data: { workflowId: 'wf', input: {} } }),
  nodeStarted: (runId: string, seq: number, nodeId: string): TraceEvent => ({ seq, ts: 1000 + seq, runId, type: 'node.started', nodeId, data: { nodeType: 'prompt', attempt: 1 } }),
  delta: (runId: string, seq: number, nodeId: string, text: string): TraceEvent => ({ seq, ts: 1000 + seq, runId, type: 'node.delta', nodeId, data: { kind: 'text', text } }),
  nodeCompleted: (runId: string, seq: number, nodeId: string, output: { text: string }): TraceEvent => ({
    seq,
    ts: 1000 + seq,
    runId,
    type: 'node.completed',
    nodeId,
    data: { output, usage: { ...ZERO_USAGE, input_tokens: 10, output_tokens: 5 }, cost_usd: 0.001, stop_reason: 'end_turn', model: 'claude-sonnet-4-6', duration_ms: 7 },
  }),
  runCompleted: (runId: string, seq: number): TraceEvent => ({
    seq,
    ts: 1000 + seq,
    runId,
    type: 'run.completed',
    data: { outputs: { out: 'done' }, usage: { ...ZERO_USAGE, input_tokens: 10, output_tokens: 5 }, cost_usd: 0.001, duration_ms: 20 },
  }),
};

export async function* streamOf(events: TraceEvent[], gate?: (event: TraceEvent) => Promise<void>): AsyncIterable<TraceEvent> {
  for (const event of events) {
    if (gate) await gate(event);
    yield event;
  }
}
