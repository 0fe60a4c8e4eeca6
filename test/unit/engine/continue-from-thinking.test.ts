import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude, type FakeReply } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

/** input → first → second (continue_from: first) → out */
function chain(first: Record<string, unknown>, second: Record<string, unknown>): Workflow {
  return workflow([inputNode, prompt('first', 'Plan it', first), prompt('second', 'Now do it', { continue_from: 'first', ...second }), outputNode('out', '{{second.text}}')], ['input->first', 'first->second', 'second->out']);
}

const THOUGHT: FakeReply = { content: [{ type: 'thinking', thinking: 'Step by step…', signature: 'sig-first' }, { type: 'text', text: 'The plan.' }] };
const ANSWER: FakeReply = { content: [{ type: 'text', text: 'Done.' }] };

async function runChain(flow: Workflow) {
  const { claude, requests } = createFakeClaude(({ index }) => (index === 0 ? THOUGHT : ANSWER));
  const events = await collect(flow, {}, { claude });
  expect(terminal(events).type).toBe('run.completed');
  const carried = requests[1]?.body.messages as { role: string; content: unknown }[];
  const notes = ofType(events, 'node.completed').find((e) => e.nodeId === 'second')?.data.notes ?? [];
  return { carried, notes };
}

describe('continue_from and thinking blocks', () => {
  it('same model, system prompt and tools: the thinking block travels with its conversation, unchanged', async () => {
    const { carried, notes } = await runChain(chain({ model: 'claude-opus-5-5', system: { text: 'Be careful.' } }, { model: 'claude-opus-5-5', system: { text: 'Be careful.' } }));
    expect(carried[1]).toEqual({ role: 'assistant', content: [{ type: 'thinking', thinking: 'Step by step…', signature: 'sig-first' }, { type: 'text', text: 'The plan.' }] });
    expect(notes).toEqual([]);
  });

  it('another model: the block is dropped, with a note naming both models', async () => {
    const { carried, notes } = await runChain(chain({ model: 'claude-opus-5-5' }, { model: 'claude-sonnet-5-5' }));
    expect(carried).toEqual([
      { role: 'user', content: 'Plan it' },
      { role: 'assistant', content: [{ type: 'text', text: 'The plan.' }] },
      { role: 'user', content: 'Now do it' },
    ]);
    expect(notes).toEqual([
      'continue_from "first": dropped 1 thinking block(s) from the carried conversation because the model changed (claude-opus-5-5 → claude-sonnet-5-5); thinking blocks are bound to the conversation they were made in',
    ]);
  });

  it('another system prompt on the same model: dropped too', async () => {
    const { carried, notes } = await runChain(chain({ model: 'claude-sonnet-5-5', system: { text: 'Plan.' } }, { model: 'claude-sonnet-5-5', system: { text: 'Execute.' } }));
    expect(JSON.stringify(carried)).not.toContain('"thinking"');
    expect(notes[0]).toMatch(/because the system prompt or tools differ/);
  });

  it('a cache breakpoint on the same system prompt is not a change', async () => {
    const { carried } = await runChain(chain({ model: 'claude-sonnet-5-5', system: { text: 'Same.' } }, { model: 'claude-sonnet-5-5', system: { text: 'Same.', cache: true } }));
    expect(JSON.stringify(carried)).toContain('sig-first');
  });

  it('the source output records the model and the conversation key it was made under', async () => {
    const { claude } = createFakeClaude(({ index }) => (index === 0 ? THOUGHT : ANSWER));
    const events = await collect(chain({ model: 'claude-opus-5-5' }, { model: 'claude-opus-5-5' }), {}, { claude });
    const first = ofType(events, 'node.completed').find((e) => e.nodeId === 'first')?.data.output as Record<string, unknown>;
    expect(first.model).toBe('claude-opus-5-5');
    expect(first.conversation_key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('resume: a restored source output without a key (an older run) is treated as another conversation', async () => {
    const flow = chain({ model: 'claude-opus-5-5' }, { model: 'claude-opus-5-5' });
    const restored = { text: 'The plan.', json: null, stop_reason: 'end_turn', usage: {}, messages: [{ role: 'user', content: 'Plan it' }, { role: 'assistant', content: THOUGHT.content }] };
    const { claude, requests } = createFakeClaude(() => ANSWER);
    const events = await collect(flow, {}, { claude, completed: [{ nodeId: 'input', status: 'completed', output: {} }, { nodeId: 'first', status: 'completed', output: restored as never }] });
    expect(terminal(events).type).toBe('run.completed');
    expect(JSON.stringify(requests[0]?.body.messages)).not.toContain('sig-first');
  });
});
