import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { checkAssertion, collectRunView, escapeXml, lookupPath } from '../../../server/workflow-tests';

const base = { runId: 'r', ts: 0 };
// A tiny run: a prompt node that called a tool twice (one failure), a skipped node, and outputs.
const events = [
  { ...base, seq: 1, type: 'run.started', data: { workflowId: 'w', input: {} } },
  { ...base, seq: 2, type: 'node.tool_call', nodeId: 'ask', data: { toolNodeId: 'lookup', toolUseId: 't1', name: 'lookup', input: { city: 'Oslo' }, round: 1 } },
  { ...base, seq: 3, type: 'node.tool_result', nodeId: 'ask', data: { toolNodeId: 'lookup', toolUseId: 't1', output: { temp: 4 }, is_error: false, duration_ms: 1 } },
  { ...base, seq: 4, type: 'node.tool_call', nodeId: 'ask', data: { toolNodeId: 'lookup', toolUseId: 't2', name: 'lookup', input: { city: '' }, round: 2 } },
  { ...base, seq: 5, type: 'node.tool_result', nodeId: 'ask', data: { toolNodeId: 'lookup', toolUseId: 't2', output: 'no city', is_error: true, duration_ms: 1 } },
  { ...base, seq: 6, type: 'node.completed', nodeId: 'ask', data: { output: { text: 'It is 4 degrees in Oslo.', json: { tags: ['cold', 'north'] } }, duration_ms: 1 } },
  { ...base, seq: 7, type: 'node.skipped', nodeId: 'other', data: { reason: 'route not taken' } },
  { ...base, seq: 8, type: 'run.completed', data: { outputs: { answer: 'It is 4 degrees in Oslo.' }, usage: { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, cost_usd: 0, duration_ms: 1 } },
] as TraceEvent[];
const view = collectRunView(events);

describe('the run view assertions read', () => {
  it('collects outputs, node outputs, tool calls and skipped nodes', () => {
    expect(view.run).toEqual({ status: 'completed', skipped: ['other'] });
    expect(lookupPath(view, 'lookup.calls[1]')).toEqual({ found: true, value: { input: { city: '' }, output: 'no city', is_error: true } });
    expect(lookupPath(view, 'nodes.ask.json.tags.0')).toEqual({ found: true, value: 'cold' });
    expect(lookupPath(view, 'outputs.answer')).toEqual({ found: true, value: 'It is 4 degrees in Oslo.' });
  });

  it('never follows prototype keys and says what is missing', () => {
    expect(lookupPath(view, 'ask.__proto__')).toMatchObject({ found: false });
    expect(lookupPath(view, 'ask.constructor')).toMatchObject({ found: false });
    expect(lookupPath(view, 'other.text')).toEqual({ found: false, reason: 'node other was skipped' });
    expect(lookupPath(view, 'outputs.result')).toEqual({ found: false, reason: 'outputs has no "result" (available: answer)' });
    expect(lookupPath(view, 'a..b')).toEqual({ found: false, reason: 'malformed path "a..b"' });
  });

  it('checks each matcher separately', () => {
    const results = checkAssertion(view, { path: 'ask.json.tags', equals: ['cold', 'north'], contains: 'north', regex: 'COLD', flags: 'i', schema: { type: 'array', maxItems: 1 } });
    expect(results.map((result) => [result.matcher, result.passed, result.message])).toEqual([
      ['equals', true, undefined],
      ['contains', true, undefined],
      ['regex', true, undefined],
      ['schema', false, '/ must NOT have more than 1 items'],
    ]);
    expect(checkAssertion(view, { path: 'ask.json', contains: 'x' })[0]?.message).toBe('contains applies to strings and arrays, found object');
    expect(checkAssertion(view, { path: 'outputs.answer', contains: 'Bergen' })[0]).toMatchObject({ passed: false, message: 'substring not found', actual: 'It is 4 degrees in Oslo.' });
  });

  it('escapeXml makes any text safe for XML content and attributes', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t ok')).toBe('bell\uFFFD nul\uFFFD tab\t ok');
    expect(escapeXml('lone \uD800 surrogate, emoji 🙂')).toBe('lone \uFFFD surrogate, emoji 🙂');
  });
});
