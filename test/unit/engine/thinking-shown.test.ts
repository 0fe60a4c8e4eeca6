import { describe, expect, it } from 'vitest';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude, type FakeReply } from './helpers/fake-claude';
import { inputNode, outputNode, workflow } from './helpers/workflow-builder';

const calc = { id: 'calc', type: 'tool', config: { name: 'calculator', input_schema: { type: 'object', properties: { expression: { type: 'string' } } }, implementation: { kind: 'builtin', name: 'calculator' } } } as const;

function thinkingFlow(config: Record<string, unknown>) {
  return workflow([inputNode, { id: 't', type: 'thinking', config: { messages: [{ role: 'user', content: 'Solve it' }], max_tokens: 4096, ...config } } as never, outputNode('out', '{{t.text}}')], ['input->t', 't->out']);
}

describe('thinking shown honestly', () => {
  it('display omitted (the 5.5 default): the output says thinking_hidden instead of offering an empty string as the thinking', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'thinking', thinking: '', signature: 'sig' }, { type: 'text', text: '42' }] }));
    const events = await collect(thinkingFlow({ model: 'claude-opus-5-5', thinking: { type: 'adaptive' } }), {}, { claude });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 't');
    expect(completed?.data.output).toMatchObject({ text: '42', thinking: '', thinking_hidden: true });
    expect(completed?.data.thinking).toEqual({ blocks: 1, hidden: true, display: 'omitted' });
    expect(completed?.data.notes?.[0]).toMatch(/thinking text was not returned \(display "omitted"\); set thinking.display to "summarized"/);
  });

  it('display summarized: the text is the output, nothing hidden', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'thinking', thinking: 'Six times seven.', signature: 'sig' }, { type: 'text', text: '42' }] }));
    const events = await collect(thinkingFlow({ model: 'claude-opus-5-5', thinking: { type: 'adaptive', display: 'summarized' } }), {}, { claude });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 't');
    expect(completed?.data.output).toMatchObject({ thinking: 'Six times seven.' });
    expect(completed?.data.output).not.toHaveProperty('thinking_hidden');
    expect(completed?.data.thinking).toEqual({ blocks: 1, hidden: false, display: 'summarized' });
  });

  it('redacted thinking counts as hidden', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'redacted_thinking', data: 'opaque' }, { type: 'text', text: 'ok' }] }));
    const events = await collect(thinkingFlow({ model: 'claude-opus-4-6', thinking: { type: 'adaptive' } }), {}, { claude });
    expect(ofType(events, 'node.completed').find((e) => e.nodeId === 't')?.data.thinking).toEqual({ blocks: 1, hidden: true, display: 'summarized' });
  });

  it('notes between tool calls that come back in thinking blocks reach the trace and the output of a prompt node; the loop resends them unchanged', async () => {
    const replies: FakeReply[] = [
      { content: [{ type: 'thinking', thinking: 'Checking the sum first.', signature: 's1' }, { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '6*7' } }] },
      { content: [{ type: 'thinking', thinking: 'Got 42.', signature: 's2' }, { type: 'text', text: 'It is 42.' }] },
    ];
    const { claude, requests } = createFakeClaude(({ index }) => replies[index] as FakeReply);
    const flow = workflow(
      [inputNode, calc as never, { id: 'p', type: 'prompt', config: { model: 'claude-sonnet-5-5', thinking: { type: 'between_tools' }, effort: 'high', messages: [{ role: 'user', content: 'What is 6*7?' }] } } as never, outputNode('out', '{{p.text}}')],
      ['input->p', 'calc=>p', 'p->out'],
    );
    const events = await collect(flow, {}, { claude });
    expect(terminal(events).type).toBe('run.completed');
    const thinkingDeltas = ofType(events, 'node.delta').filter((e) => e.nodeId === 'p' && e.data.kind === 'thinking').map((e) => e.data.text).join('');
    expect(thinkingDeltas).toBe('Checking the sum first.Got 42.');
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'p');
    expect(completed?.data.output).toMatchObject({ thinking: 'Checking the sum first.\n\nGot 42.' });
    // between_tools takes no display: the model's default is the one in force.
    expect(completed?.data.thinking).toEqual({ blocks: 2, hidden: false, display: 'omitted' });
    // Same conversation: the assistant turn goes back exactly as received, thinking first.
    expect((requests[1]?.body.messages as { content: unknown }[])[1]?.content).toEqual([
      { type: 'thinking', thinking: 'Checking the sum first.', signature: 's1' },
      { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '6*7' } },
    ]);
  });

  it('a model that thinks by default, with no thinking setting: hidden thinking is flagged on a prompt node too', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'thinking', thinking: '', signature: 'sig' }, { type: 'text', text: 'Hi' }] }));
    const flow = workflow([inputNode, { id: 'p', type: 'prompt', config: { model: 'claude-haiku-5-5', messages: [{ role: 'user', content: 'Hi' }] } } as never, outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    const events = await collect(flow, {}, { claude });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'p');
    expect(completed?.data.output).toMatchObject({ thinking_hidden: true });
    expect(completed?.data.output).not.toHaveProperty('thinking');
    expect(completed?.data.thinking).toEqual({ blocks: 1, hidden: true, display: 'omitted' });
  });
});
