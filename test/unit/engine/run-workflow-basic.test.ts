import { describe, expect, it } from 'vitest';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

describe('runWorkflow: input → prompt → output', () => {
  const flow = workflow([inputNode, prompt('greet', 'Say hi to {{input.name}}'), outputNode('result', '{{greet.text}}')], ['input->greet', 'greet->result'], {
    type: 'object',
    properties: { name: { type: 'string' } },
    required: ['name'],
  });

  it('renders the template, streams the answer and returns it as the run output', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'Hello, Ada!' }] }));
    const events = await collect(flow, { name: 'Ada' }, { claude });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.messages).toEqual([{ role: 'user', content: 'Say hi to Ada' }]);
    expect(requests[0]?.body.stream).toBe(true);
    const end = terminal(events);
    expect(end.type).toBe('run.completed');
    if (end.type !== 'run.completed') return;
    expect(end.data.outputs).toEqual({ result: 'Hello, Ada!' });
    expect(end.data.usage.output_tokens).toBe(5);
    expect(end.data.cost_usd).toBeGreaterThan(0);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const deltas = ofType(events, 'node.delta').map((e) => e.data.text).join('');
    expect(deltas).toBe('Hello, Ada!');
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'greet');
    expect(completed?.data.stop_reason).toBe('end_turn');
    expect(completed?.data.model).toBe('claude-sonnet-4-6');
  });

  it('fails the run with a validation_error before any call when the input is invalid', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'x' }] }));
    const events = await collect(flow, { nom: 'Ada' }, { claude });
    expect(requests).toHaveLength(0);
    const end = terminal(events);
    expect(end.type).toBe('run.failed');
    if (end.type === 'run.failed') expect(end.data.error.type).toBe('validation_error');
  });

  it('fails the node with a clear error naming a missing template reference', async () => {
    const broken = workflow([inputNode, prompt('greet', 'Hi {{input.missing}}'), outputNode('result', '{{greet.text}}')], ['input->greet', 'greet->result']);
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'x' }] }));
    const events = await collect(broken, {}, { claude });
    expect(requests).toHaveLength(0);
    const end = terminal(events);
    expect(end.type).toBe('run.failed');
    if (end.type !== 'run.failed') return;
    expect(end.data.nodeId).toBe('greet');
    expect(end.data.error.message).toContain('{{input.missing}}');
    expect(ofType(events, 'node.skipped').map((e) => [e.nodeId, e.data.reason])).toEqual([['result', 'upstream node "greet" failed']]);
  });
});
