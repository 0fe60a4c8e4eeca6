import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { applyTraceEvents } from '../../../client/src/store/apply-trace-event';
import { emptyRun } from '../../../client/src/store/run-state';
import { segmentsText } from '../../../client/src/store/trace-segments';

const RUN = 'run_loop';
const usage = { input_tokens: 10, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

/** agent: "Let me look that up." → lookup_city(Paris) → "It is sunny." (two rounds of one tool loop) */
function toolLoop(finalText = 'It is sunny in Paris.'): TraceEvent[] {
  const events: Omit<TraceEvent, 'seq' | 'ts' | 'runId'>[] = [
    { type: 'run.started', data: { workflowId: 'weather', input: { city: 'Paris' } } },
    { type: 'node.started', nodeId: 'agent', data: { nodeType: 'prompt', attempt: 1 } },
    { type: 'node.delta', nodeId: 'agent', data: { kind: 'text', text: 'Let me look ' } },
    { type: 'node.delta', nodeId: 'agent', data: { kind: 'text', text: 'that up.' } },
    { type: 'node.delta', nodeId: 'agent', data: { kind: 'tool_input', text: '{"city"', toolUseId: 'tu_1' } },
    { type: 'node.tool_call', nodeId: 'agent', data: { toolNodeId: 'lookup_city', toolUseId: 'tu_1', name: 'lookup_city', input: { city: 'Paris' }, round: 1 } },
    { type: 'node.tool_result', nodeId: 'agent', data: { toolNodeId: 'lookup_city', toolUseId: 'tu_1', output: { sky: 'sunny' }, is_error: false, duration_ms: 3 } },
    { type: 'node.delta', nodeId: 'agent', data: { kind: 'text', text: 'It is sunny ' } },
    { type: 'node.delta', nodeId: 'agent', data: { kind: 'text', text: 'in Paris.' } },
    { type: 'node.completed', nodeId: 'agent', data: { output: { text: finalText, json: null, stop_reason: 'end_turn', usage, messages: [] }, usage, stop_reason: 'end_turn', duration_ms: 50 } },
  ];
  return events.map((event, index) => ({ ...event, seq: index + 1, ts: 1_764_000_000_000 + index, runId: RUN }) as TraceEvent);
}

describe('trace segments', () => {
  it('keeps a tool loop in order while streaming: text of round 1, the call, text of round 2', () => {
    const streaming = applyTraceEvents(emptyRun(RUN), toolLoop().slice(0, -1));
    expect(streaming.nodes.agent!.segments).toEqual([
      { kind: 'text', text: 'Let me look that up.' },
      { kind: 'tool', toolUseId: 'tu_1' },
      { kind: 'text', text: 'It is sunny in Paris.' },
    ]);
  });

  it('keeps round one after the node completes', () => {
    const done = applyTraceEvents(emptyRun(RUN), toolLoop());
    expect(done.nodes.agent!.status).toBe('completed');
    expect(done.nodes.agent!.segments.map((segment) => (segment.kind === 'text' ? segment.text : `<${segment.toolUseId}>`))).toEqual(['Let me look that up.', '<tu_1>', 'It is sunny in Paris.']);
    expect(segmentsText(done.nodes.agent!.segments)).toBe('Let me look that up.\n\nIt is sunny in Paris.');
  });

  it('takes the final round from the output when the stream was cut short, and only that round', () => {
    const events = toolLoop('It is sunny in Paris, 21°C.').filter((event) => !(event.type === 'node.delta' && event.data.text === 'in Paris.'));
    const done = applyTraceEvents(emptyRun(RUN), events);
    expect(done.nodes.agent!.segments).toEqual([
      { kind: 'text', text: 'Let me look that up.' },
      { kind: 'tool', toolUseId: 'tu_1' },
      { kind: 'text', text: 'It is sunny in Paris, 21°C.' },
    ]);
  });

  it('adds the final text when none was streamed after the last call (coalesced replay)', () => {
    const events = toolLoop().filter((event) => !(event.type === 'node.delta' && event.data.text.startsWith('It is') ) && !(event.type === 'node.delta' && event.data.text === 'in Paris.'));
    const done = applyTraceEvents(emptyRun(RUN), events);
    expect(done.nodes.agent!.segments.at(-1)).toEqual({ kind: 'text', text: 'It is sunny in Paris.' });
    expect(done.nodes.agent!.segments).toHaveLength(3);
  });

  it('does not add thinking or tool input to the segments', () => {
    const done = applyTraceEvents(emptyRun(RUN), toolLoop());
    expect(segmentsText(done.nodes.agent!.segments)).not.toContain('{"city"');
  });

  it('does not duplicate text or a call when the same events are applied twice', () => {
    const once = applyTraceEvents(emptyRun(RUN), toolLoop());
    expect(applyTraceEvents(once, toolLoop())).toBe(once);
  });

  it('leaves the tool node with its call but no segments of its own', () => {
    const done = applyTraceEvents(emptyRun(RUN), toolLoop());
    expect(done.nodes.lookup_city!.segments).toEqual([]);
    expect(done.nodes.lookup_city!.toolCalls).toHaveLength(1);
  });
});
