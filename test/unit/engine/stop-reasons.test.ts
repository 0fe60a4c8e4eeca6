import { describe, expect, it } from 'vitest';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude, type FakeReply } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

const flow = (extra: Record<string, unknown> = {}) => workflow([inputNode, prompt('p', 'Tell me', { model: 'claude-sonnet-5-5', ...extra }), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);

describe('stop reasons that are not an answer', () => {
  it('refusal fails the node with type "refusal" and the stop_details, and is not retried', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'I can’t help' }], stop_reason: 'refusal', stop_details: { type: 'refusal', category: 'cyber', explanation: 'Exploit development' } }));
    const events = await collect(flow({ retry: { attempts: 3, backoff_ms: 1 } }), {}, { claude });
    expect(requests).toHaveLength(1);
    expect(ofType(events, 'node.completed').filter((e) => e.nodeId === 'p')).toHaveLength(0);
    expect(terminal(events)).toMatchObject({
      type: 'run.failed',
      data: { nodeId: 'p', error: { type: 'refusal', message: 'p: Claude declined to answer (category cyber: Exploit development)', refusal: { category: 'cyber', explanation: 'Exploit development' } } },
    });
  });

  it('refusal without details still fails typed', async () => {
    const { claude } = createFakeClaude(() => ({ content: [], stop_reason: 'refusal' }));
    expect(terminal(await collect(flow(), {}, { claude }))).toMatchObject({ type: 'run.failed', data: { error: { type: 'refusal', refusal: { category: null, explanation: null } } } });
  });

  it('model_context_window_exceeded fails the node with what to shorten, never a success', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'partial' }], stop_reason: 'model_context_window_exceeded' }));
    const events = await collect(flow(), {}, { claude });
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'p', error: { type: 'context_window_exceeded', message: expect.stringMatching(/filled claude-sonnet-5-5's context window.*shorten the input/) } } });
  });

  it('a claude-mode branch fails the same way on refusal', async () => {
    const { claude } = createFakeClaude(() => ({ content: [], stop_reason: 'refusal' }));
    const branchFlow = workflow(
      [inputNode, { id: 'pick', type: 'branch', config: { mode: 'claude', on: 'x', routes: [{ label: 'a' }, { label: 'b' }], default: 'a' } }, outputNode('a', 'A'), outputNode('b', 'B')],
      ['input->pick', 'pick:a->a', 'pick:b->b'],
    );
    expect(terminal(await collect(branchFlow, {}, { claude }))).toMatchObject({ type: 'run.failed', data: { nodeId: 'pick', error: { type: 'refusal' } } });
  });
});

describe('pause_turn', () => {
  it('sends the paused turn back as it is and concatenates the text', async () => {
    const replies: FakeReply[] = [
      { content: [{ type: 'text', text: 'Searching… ' }], stop_reason: 'pause_turn' },
      { content: [{ type: 'text', text: 'found it.' }] },
    ];
    const { claude, requests } = createFakeClaude(({ index }) => replies[index] as FakeReply);
    const events = await collect(flow(), {}, { claude });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'Tell me' },
      { role: 'assistant', content: [{ type: 'text', text: 'Searching… ' }] },
    ]);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Searching… found it.' } } });
  });

  it('is bounded: still paused after 5 resends fails the node with type "pause_turn"', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'still going' }], stop_reason: 'pause_turn' }));
    const events = await collect(flow(), {}, { claude });
    expect(requests).toHaveLength(6);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { error: { type: 'pause_turn' } } });
  });
});
