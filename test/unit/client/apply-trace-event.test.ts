import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { applyTraceEvent, applyTraceEvents } from '../../../client/src/store/apply-trace-event';
import { emptyRun, IDLE_RUN } from '../../../client/src/store/run-state';

const RUN = 'run_abc';
const usage = { input_tokens: 12, output_tokens: 30, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

/**
 * input → classify (prompt, calls tool `lookup`) → route (branch) ─billing→ answer
 *                                                              └─other──→ escalate (skipped)
 */
function realisticRun(): TraceEvent[] {
  const events: Omit<TraceEvent, 'seq' | 'ts' | 'runId'>[] = [
    { type: 'run.started', data: { workflowId: 'triage', input: { ticket: 'refund please' } } },
    { type: 'node.started', nodeId: 'input', data: { nodeType: 'input', attempt: 1 } },
    { type: 'node.completed', nodeId: 'input', data: { output: { ticket: 'refund please' }, duration_ms: 1 } },
    { type: 'node.started', nodeId: 'classify', data: { nodeType: 'prompt', attempt: 1 } },
    { type: 'node.delta', nodeId: 'classify', data: { kind: 'thinking', text: 'The user wants ' } },
    { type: 'node.delta', nodeId: 'classify', data: { kind: 'thinking', text: 'money back.' } },
    { type: 'node.delta', nodeId: 'classify', data: { kind: 'tool_input', text: '{"query":', toolUseId: 'tu_1' } },
    { type: 'node.tool_call', nodeId: 'classify', data: { toolNodeId: 'lookup', toolUseId: 'tu_1', name: 'lookup', input: { query: 'refund' }, round: 1 } },
    { type: 'node.tool_result', nodeId: 'classify', data: { toolNodeId: 'lookup', toolUseId: 'tu_1', output: { policy: '30 days' }, is_error: false, duration_ms: 4 } },
    { type: 'node.delta', nodeId: 'classify', data: { kind: 'text', text: 'This is a ' } },
    { type: 'node.delta', nodeId: 'classify', data: { kind: 'text', text: 'billing question.' } },
    {
      type: 'node.completed',
      nodeId: 'classify',
      data: { output: { text: 'This is a billing question.', json: null, stop_reason: 'end_turn', usage, messages: [] }, usage, cost_usd: 0.0005, stop_reason: 'end_turn', model: 'claude-sonnet-4-6', duration_ms: 420, model_ms: 400, engine_ms: 16 },
    },
    { type: 'node.started', nodeId: 'route', data: { nodeType: 'branch', attempt: 1 } },
    { type: 'node.completed', nodeId: 'route', data: { output: { route: 'billing' }, duration_ms: 2 } },
    { type: 'node.skipped', nodeId: 'escalate', data: { reason: 'route "other" was not taken' } },
    { type: 'node.started', nodeId: 'answer', data: { nodeType: 'prompt', attempt: 1 } },
    { type: 'node.delta', nodeId: 'answer', data: { kind: 'text', text: 'Refunds take 30 days.' } },
    { type: 'node.completed', nodeId: 'answer', data: { output: { text: 'Refunds take 30 days.', json: null, stop_reason: 'max_tokens', usage, messages: [] }, usage, cost_usd: 0.0007, stop_reason: 'max_tokens', duration_ms: 300, warnings: ['answer was cut off'] } },
    { type: 'run.completed', data: { outputs: { result: 'Refunds take 30 days.' }, usage, cost_usd: 0.0012, duration_ms: 800 } },
  ];
  return events.map((event, index) => ({ ...event, seq: index + 1, ts: 1_764_000_000_000 + index, runId: RUN }) as TraceEvent);
}

describe('applyTraceEvent', () => {
  it('builds per-node state from a realistic run', () => {
    const state = applyTraceEvents(emptyRun(RUN), realisticRun());
    expect(state.status).toBe('completed');
    expect(state.lastSeq).toBe(19);
    expect(state.outputs).toEqual({ result: 'Refunds take 30 days.' });
    expect(state.costUsd).toBe(0.0012);

    const classify = state.nodes.classify!;
    expect(classify.status).toBe('completed');
    expect(classify.text).toBe('This is a billing question.');
    expect(classify.thinking).toBe('The user wants money back.');
    expect(classify.toolCalls).toEqual([{ toolUseId: 'tu_1', toolNodeId: 'lookup', name: 'lookup', input: { query: 'refund' }, round: 1, output: { policy: '30 days' }, isError: false, durationMs: 4 }]);
    expect(classify).toMatchObject({ stopReason: 'end_turn', costUsd: 0.0005, model: 'claude-sonnet-4-6', durationMs: 420, modelMs: 400, engineMs: 16 });

    // The tool node is never scheduled, yet it lights up through the calls it serves.
    expect(state.nodes.lookup).toMatchObject({ status: 'completed', output: { policy: '30 days' } });
    expect(state.nodes.lookup!.toolCalls).toHaveLength(1);

    expect(state.nodes.route).toMatchObject({ status: 'completed', route: 'billing' });
    expect(state.nodes.escalate).toMatchObject({ status: 'skipped', skipReason: 'route "other" was not taken' });
    expect(state.nodes.answer).toMatchObject({ status: 'completed', stopReason: 'max_tokens', warnings: ['answer was cut off'] });
  });

  it('shows streamed text while a node is still running', () => {
    const events = realisticRun().slice(0, 11);
    const state = applyTraceEvents(emptyRun(RUN), events);
    expect(state.status).toBe('running');
    expect(state.nodes.classify).toMatchObject({ status: 'running', text: 'This is a billing question.' });
    expect(state.nodes.answer).toBeUndefined();
  });

  it('ignores an event whose seq was already applied, returning the same state', () => {
    const events = realisticRun();
    const once = applyTraceEvents(emptyRun(RUN), events);
    for (const event of events) expect(applyTraceEvent(once, event)).toBe(once);
    // A reconnect that replays an overlapping window changes nothing either.
    const partial = applyTraceEvents(emptyRun(RUN), events.slice(0, 12));
    const overlapped = applyTraceEvents(partial, events.slice(6));
    expect(overlapped).toEqual(once);
  });

  it('does not double streamed text when a delta is delivered twice', () => {
    const events = realisticRun();
    const delta = events[9]!;
    const state = applyTraceEvents(emptyRun(RUN), [...events.slice(0, 10), delta, delta]);
    expect(state.nodes.classify!.text).toBe('This is a ');
  });

  it('ignores events of another run', () => {
    const state = emptyRun('run_other');
    expect(applyTraceEvent(state, realisticRun()[0]!)).toBe(state);
  });

  it('adopts the run id when starting from idle', () => {
    const state = applyTraceEvent(IDLE_RUN, realisticRun()[0]!);
    expect(state).toMatchObject({ runId: RUN, status: 'running', lastSeq: 1 });
  });

  it('starts a retried node over and keeps the retry in its history', () => {
    const base = realisticRun().slice(0, 4);
    const more: TraceEvent[] = [
      { seq: 5, ts: 0, runId: RUN, type: 'node.delta', nodeId: 'classify', data: { kind: 'text', text: 'half an ans' } },
      { seq: 6, ts: 0, runId: RUN, type: 'node.retry', nodeId: 'classify', data: { attempt: 2, error: { type: 'overloaded_error', status: 529, message: 'Overloaded' }, delay_ms: 500 } },
      { seq: 7, ts: 0, runId: RUN, type: 'node.started', nodeId: 'classify', data: { nodeType: 'prompt', attempt: 2 } },
    ];
    const state = applyTraceEvents(emptyRun(RUN), [...base, ...more]);
    expect(state.nodes.classify).toMatchObject({ status: 'running', attempt: 2, text: '' });
    expect(state.nodes.classify!.retries).toEqual([{ attempt: 2, error: { type: 'overloaded_error', status: 529, message: 'Overloaded' }, delayMs: 500 }]);
  });

  it('records failure and cancellation', () => {
    const failed = applyTraceEvents(emptyRun(RUN), [
      ...realisticRun().slice(0, 4),
      { seq: 5, ts: 0, runId: RUN, type: 'node.failed', nodeId: 'classify', data: { error: { type: 'rate_limit_error', status: 429, message: 'slow down' }, duration_ms: 9 } },
      { seq: 6, ts: 0, runId: RUN, type: 'run.failed', data: { error: { type: 'rate_limit_error', status: 429, message: 'slow down' }, nodeId: 'classify', usage, cost_usd: 0, duration_ms: 10 } },
    ]);
    expect(failed.status).toBe('failed');
    expect(failed.failedNodeId).toBe('classify');
    expect(failed.nodes.classify).toMatchObject({ status: 'failed', error: { type: 'rate_limit_error' } });

    const canceled = applyTraceEvents(emptyRun(RUN), [...realisticRun().slice(0, 4), { seq: 5, ts: 0, runId: RUN, type: 'run.canceled', data: { reason: 'canceled by user', usage, cost_usd: 0, duration_ms: 3 } }]);
    expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'canceled by user' });
  });

  it('leaves untouched nodes as the same objects, so only the streaming node re-renders', () => {
    const events = realisticRun();
    const before = applyTraceEvents(emptyRun(RUN), events.slice(0, 10));
    const after = applyTraceEvent(before, events[10]!);
    expect(after.nodes.input).toBe(before.nodes.input);
    expect(after.nodes.classify).not.toBe(before.nodes.classify);
  });

  it('treats a terminal event as final only when it is the last: a resumed run replays to its real outcome', () => {
    const failedAttempt: TraceEvent[] = [
      ...realisticRun().slice(0, 3),
      { seq: 4, ts: 0, runId: RUN, type: 'node.started', nodeId: 'classify', data: { nodeType: 'prompt', attempt: 1 } },
      { seq: 5, ts: 0, runId: RUN, type: 'node.failed', nodeId: 'classify', data: { error: { type: 'api_error', status: 500, message: 'boom' }, duration_ms: 9 } },
      { seq: 6, ts: 0, runId: RUN, type: 'run.failed', data: { error: { type: 'api_error', status: 500, message: 'boom' }, nodeId: 'classify', usage, cost_usd: 0.0001, duration_ms: 10 } },
    ];
    const resumed: TraceEvent[] = [
      { seq: 7, ts: 0, runId: RUN, type: 'run.started', data: { workflowId: 'triage', input: { ticket: 'refund please' }, resumed: true, completedNodeIds: ['input'] } },
      { seq: 8, ts: 0, runId: RUN, type: 'node.started', nodeId: 'classify', data: { nodeType: 'prompt', attempt: 1 } },
    ];
    const finished: TraceEvent[] = [
      { seq: 9, ts: 0, runId: RUN, type: 'node.completed', nodeId: 'classify', data: { output: { text: 'billing' }, usage, cost_usd: 0.0005, model: 'claude-sonnet-4-6', duration_ms: 40 } },
      { seq: 10, ts: 0, runId: RUN, type: 'run.completed', data: { outputs: { result: 'billing' }, usage, cost_usd: 0.0006, duration_ms: 50 } },
    ];

    const atFailure = applyTraceEvents(emptyRun(RUN), failedAttempt);
    expect(atFailure).toMatchObject({ status: 'failed', failedNodeId: 'classify' });

    // The later run.started makes it live again and forgets the earlier outcome.
    const live = applyTraceEvents(atFailure, resumed.slice(0, 1));
    expect(live).toMatchObject({ status: 'running', error: undefined, failedNodeId: undefined, costUsd: undefined });
    expect(live.nodes.input).toBe(atFailure.nodes.input);
    expect(live.nodes.classify?.status).toBe('idle');
    expect(live.nodes.classify?.error).toBeUndefined();

    const replayed = applyTraceEvents(emptyRun(RUN), [...failedAttempt, ...resumed, ...finished]);
    expect(replayed).toMatchObject({ status: 'completed', outputs: { result: 'billing' }, costUsd: 0.0006, error: undefined });
    expect(replayed.nodes.classify).toMatchObject({ status: 'completed', text: 'billing' });
    expect(replayed.nodes.classify?.error).toBeUndefined();
  });

  it('keeps a canceled attempt\'s completed nodes when the resumed run keeps them', () => {
    const canceled = applyTraceEvents(emptyRun(RUN), [...realisticRun().slice(0, 12), { seq: 13, ts: 0, runId: RUN, type: 'run.canceled', data: { reason: 'server shutdown', usage, cost_usd: 0, duration_ms: 3 } }]);
    const resumed = applyTraceEvent(canceled, { seq: 14, ts: 0, runId: RUN, type: 'run.started', data: { workflowId: 'triage', input: {}, resumed: true, completedNodeIds: ['input', 'classify'] } });
    expect(resumed).toMatchObject({ status: 'running', cancelReason: undefined });
    expect(resumed.nodes.classify).toBe(canceled.nodes.classify);
  });
});
