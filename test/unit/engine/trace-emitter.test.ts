import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { TraceEmitter } from '../../../server/engine/trace-emitter';

function emitter(flushBytes: number, secrets: Record<string, string> = {}) {
  const events: TraceEvent[] = [];
  // flushMs large: only size and ordering trigger flushes, so the test never depends on timing.
  const trace = new TraceEmitter({ runId: 'r', startSeq: 1, now: () => 0, secrets, flushMs: 60_000, flushBytes, sink: (e) => events.push(e) });
  return { trace, events };
}

describe('TraceEmitter delta coalescing', () => {
  it('never changes the final text, keeps seq contiguous, and flushes before the node\'s next event', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ node: fc.constantFrom('a', 'b'), kind: fc.constantFrom('text', 'thinking'), text: fc.string({ minLength: 1, maxLength: 20 }) }), { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (pieces, flushBytes) => {
        const { trace, events } = emitter(flushBytes);
        for (const piece of pieces) trace.delta(piece.node, piece.kind as 'text' | 'thinking', piece.text);
        trace.emit({ type: 'node.completed', nodeId: 'a', data: { output: null, duration_ms: 0 } });
        trace.flushAll();
        for (const node of ['a', 'b']) {
          for (const kind of ['text', 'thinking']) {
            const sent = pieces.filter((p) => p.node === node && p.kind === kind).map((p) => p.text).join('');
            const received = events.filter((e): e is Extract<TraceEvent, { type: 'node.delta' }> => e.type === 'node.delta' && e.nodeId === node && e.data.kind === kind).map((e) => e.data.text).join('');
            expect(received).toBe(sent);
          }
        }
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        const completedAt = events.findIndex((e) => e.type === 'node.completed');
        expect(events.slice(completedAt + 1).some((e) => e.nodeId === 'a')).toBe(false);
      }),
    );
  });

  it('coalesces small deltas into one event until the byte threshold', () => {
    const { trace, events } = emitter(10);
    for (const piece of ['ab', 'cd', 'ef', 'gh', 'ij', 'kl']) trace.delta('a', 'text', piece);
    expect(events.map((e) => (e.type === 'node.delta' ? e.data.text : ''))).toEqual(['abcdefghij']);
    trace.flushAll();
    expect(events).toHaveLength(2);
  });

  it('by default emits the deltas of one event-loop turn as one event at the end of that turn', async () => {
    const events: TraceEvent[] = [];
    const trace = new TraceEmitter({ runId: 'r', startSeq: 1, now: () => 0, secrets: {}, flushMs: 0, flushBytes: 1024, sink: (e) => events.push(e) });
    const texts = (): string[] => events.map((e) => (e.type === 'node.delta' ? e.data.text : e.type));
    trace.delta('a', 'text', 'Hel');
    trace.delta('a', 'text', 'lo');
    expect(events).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(texts()).toEqual(['Hello']);
    trace.delta('a', 'text', ' world');
    await new Promise((resolve) => setImmediate(resolve));
    expect(texts()).toEqual(['Hello', ' world']);
  });

  it('emits every delta on its own with a 1-byte cap (coalescing off)', () => {
    const { trace, events } = emitter(1);
    for (const piece of ['a', 'b', 'c']) trace.delta('n', 'text', piece);
    expect(events.map((e) => (e.type === 'node.delta' ? e.data.text : ''))).toEqual(['a', 'b', 'c']);
  });

  it('redacts secret values from every event', () => {
    const { trace, events } = emitter(1, { API_KEY: 'sk-very-secret' });
    trace.emit({ type: 'node.tool_result', nodeId: 'p', data: { toolNodeId: 't', toolUseId: 'u', output: { echoed: 'key=sk-very-secret' }, is_error: false, duration_ms: 0 } });
    expect(JSON.stringify(events)).not.toContain('sk-very-secret');
    expect(JSON.stringify(events)).toContain('[secret:API_KEY]');
  });

  it('redacts a secret split across deltas that leave in different flushes, and keeps the rest of the text', () => {
    const { trace, events } = emitter(1, { API_KEY: 'sk-very-secret' });
    // flushBytes 1: every piece is flushed on its own, as when tokens arrive in separate turns.
    for (const piece of ['Your key: sk-v', 'ery-se', 'cret. Keep it', ' safe.']) trace.delta('p', 'text', piece);
    trace.emit({ type: 'node.completed', nodeId: 'p', data: { output: null, duration_ms: 0 } });
    const deltas = events.filter((e): e is Extract<TraceEvent, { type: 'node.delta' }> => e.type === 'node.delta');
    expect(deltas.length).toBeGreaterThan(1);
    for (const delta of deltas) expect(delta.data.text).not.toMatch(/sk-v|ery-se|cret\./);
    expect(deltas.map((delta) => delta.data.text).join('')).toBe('Your key: [secret:API_KEY]. Keep it safe.');
    // The held-back tail is released before the node's next event, never after it.
    expect(events.at(-1)?.type).toBe('node.completed');
  });

  it('holds back nothing when there are no secrets, and never more than its longest encoded form otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 40 }), (pieces) => {
        const secret = 'tok-12345';
        const { trace, events } = emitter(1, { T: secret });
        const text = pieces.join('');
        for (const piece of pieces) trace.delta('n', 'text', piece);
        const emitted = events.map((e) => (e.type === 'node.delta' ? e.data.text : '')).join('');
        // Before the stream ends, at most (longest form of the secret) - 1 raw characters are held
        // back: its base64 spelling (12 characters here) is the longest form the redactor knows.
        const longestForm = Math.ceil((secret.length * 4) / 3);
        expect(text.split(secret).join('').length - emitted.replaceAll('[secret:T]', '').length).toBeLessThan(longestForm);
        trace.flushAll();
        const all = events.map((e) => (e.type === 'node.delta' ? e.data.text : '')).join('');
        expect(all).toBe(text.split(secret).join('[secret:T]'));
      }),
    );
  });
});
