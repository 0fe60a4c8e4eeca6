import { catalogWith } from './helpers/test-catalog';
import { describe, expect, it } from 'vitest';
import type { PromptOutput } from '../../../shared/node-outputs';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude, type FakeReply } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

const text = (value: string, stop_reason?: string): FakeReply => (stop_reason ? { content: [{ type: 'text', text: value }], stop_reason } : { content: [{ type: 'text', text: value }] });

function completedOutput(events: Awaited<ReturnType<typeof collect>>, nodeId: string): PromptOutput {
  return ofType(events, 'node.completed').find((e) => e.nodeId === nodeId)?.data.output as unknown as PromptOutput;
}

describe('the tool loop', () => {
  /**  lookup(tool, mock error) ═╗
   *   calc(tool, calculator)  ══╬═> ask ── out
   *                   input ────┘                 */
  const flow = workflow(
    [
      inputNode,
      { id: 'lookup', type: 'tool', config: { name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } } }, implementation: { kind: 'mock', error: 'service unavailable' } } },
      { id: 'calc', type: 'tool', config: { name: 'calc', input_schema: { type: 'object', properties: { expression: { type: 'string' } } }, implementation: { kind: 'builtin', name: 'calculator' } } },
      prompt('ask', 'What is 6*7?'),
      outputNode('out', '{{ask.text}}'),
    ],
    ['input->ask', 'lookup=>ask', 'calc=>ask', 'ask->out'],
  );

  it('runs each tool_use, sends tool_results (is_error on failure) and stops when Claude answers', async () => {
    const { claude, requests } = createFakeClaude(({ index }) => {
      if (index === 0) {
        return {
          content: [
            { type: 'text', text: 'Let me check.' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } },
            { type: 'tool_use', id: 'toolu_2', name: 'calc', input: { expression: '6*7' } },
          ],
        };
      }
      return text('It is 42 (lookup was down).');
    });
    const events = await collect(flow, {}, { claude });
    expect(requests).toHaveLength(2);
    expect((requests[0]?.body.tools as { name: string }[]).map((t) => t.name)).toEqual(['lookup', 'calc']);
    const second = requests[1]?.body.messages as { role: string; content: unknown }[];
    expect(second[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } },
        { type: 'tool_use', id: 'toolu_2', name: 'calc', input: { expression: '6*7' } },
      ],
    });
    expect(second[2]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_1', content: 'service unavailable', is_error: true },
        { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"expression":"6*7","result":42}' },
      ],
    });
    const calls = ofType(events, 'node.tool_call');
    expect(calls.map((e) => [e.nodeId, e.data.toolNodeId, e.data.round])).toEqual([
      ['ask', 'lookup', 1],
      ['ask', 'calc', 1],
    ]);
    const results = ofType(events, 'node.tool_result');
    expect(results.map((e) => [e.data.toolNodeId, e.data.is_error, e.data.output])).toEqual([
      ['lookup', true, 'service unavailable'],
      ['calc', false, { expression: '6*7', result: 42 }],
    ]);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'It is 42 (lookup was down).' } } });
    const output = completedOutput(events, 'ask');
    expect(output.messages).toHaveLength(4);
    expect(output.usage.output_tokens).toBe(10);
  });

  it('fails clearly when Claude keeps calling tools past max_tool_rounds', async () => {
    const limited = structuredClone(flow);
    const ask = limited.nodes.find((n) => n.id === 'ask');
    if (ask?.type === 'prompt') ask.config.max_tool_rounds = 2;
    const { claude, requests } = createFakeClaude(({ index }) => ({ content: [{ type: 'tool_use', id: `toolu_${index}`, name: 'calc', input: { expression: '1+1' } }] }));
    const events = await collect(limited, {}, { claude });
    expect(requests).toHaveLength(3);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'ask', error: { type: 'tool_error', message: expect.stringContaining('max_tool_rounds (2)') } } });
  });

  it('passes thinking blocks back unchanged, in order, within a thinking + tool loop', async () => {
    const thinkingFlow = workflow(
      [
        inputNode,
        { id: 'calc', type: 'tool', config: { name: 'calc', input_schema: { type: 'object' }, implementation: { kind: 'builtin', name: 'calculator' } } },
        { id: 'think', type: 'thinking', config: { messages: [{ role: 'user', content: 'Compute 2^10' }], max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 } } },
        outputNode('out', { answer: '{{think.text}}', thoughts: '{{think.thinking}}' }),
      ],
      ['input->think', 'calc=>think', 'think->out'],
    );
    const { claude, requests } = createFakeClaude(({ index }) =>
      index === 0
        ? { content: [{ type: 'thinking', thinking: 'I should use the calculator.', signature: 'sig-1' }, { type: 'tool_use', id: 'toolu_a', name: 'calc', input: { expression: '2^10' } }] }
        : { content: [{ type: 'thinking', thinking: 'It returned 1024.', signature: 'sig-2' }, { type: 'text', text: '1024' }] },
    );
    const events = await collect(thinkingFlow, {}, { claude });
    expect(requests[0]?.body.thinking).toEqual({ type: 'enabled', budget_tokens: 2000 });
    const passedBack = (requests[1]?.body.messages as { content: unknown }[])[1];
    expect(passedBack?.content).toEqual([
      { type: 'thinking', thinking: 'I should use the calculator.', signature: 'sig-1' },
      { type: 'tool_use', id: 'toolu_a', name: 'calc', input: { expression: '2^10' } },
    ]);
    const thinkingDeltas = ofType(events, 'node.delta').filter((e) => e.data.kind === 'thinking').map((e) => e.data.text);
    expect(thinkingDeltas.join('')).toBe('I should use the calculator.It returned 1024.');
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: { answer: '1024', thoughts: 'I should use the calculator.\n\nIt returned 1024.' } } } });
  });
});

describe('on_max_tokens', () => {
  const flowWith = (policy: 'fail' | 'warn' | 'continue', model = 'claude-sonnet-4-6') =>
    workflow([inputNode, prompt('p', 'Write a long story', { on_max_tokens: policy, model }), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);

  it('fail: the node fails with a max_tokens error', async () => {
    const { claude } = createFakeClaude(() => text('Once upon', 'max_tokens'));
    const events = await collect(flowWith('fail'), {}, { claude });
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'p', error: { type: 'max_tokens' } } });
  });

  it('warn: the node completes with the partial text and a warning', async () => {
    const { claude } = createFakeClaude(() => text('Once upon', 'max_tokens'));
    const events = await collect(flowWith('warn'), {}, { claude });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'p');
    expect(completed?.data.stop_reason).toBe('max_tokens');
    expect(completed?.data.warnings?.[0]).toContain('cut off at max_tokens');
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Once upon' } } });
  });

  it('continue (model without prefill): sends the partial answer back with a continue turn and concatenates', async () => {
    const { claude, requests } = createFakeClaude(({ index }) => (index === 0 ? text('Once upon', 'max_tokens') : text(' a time.')));
    const events = await collect(flowWith('continue'), {}, { claude });
    expect(requests).toHaveLength(2);
    const messages = requests[1]?.body.messages as { role: string; content: unknown }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Once upon a time.' } } });
  });

  it('continue never prefills: the partial turn and a continue turn, on a model that accepted prefill before', async () => {
    const { claude, requests } = createFakeClaude(({ index }) => (index === 0 ? text('Once upon ', 'max_tokens') : text(' a time.')));
    const events = await collect(flowWith('continue', 'claude-haiku-4-5'), {}, { claude });
    const messages = requests[1]?.body.messages as { role: string; content: unknown }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages.at(-1)?.role).toBe('user');
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Once upon  a time.' } } });
  });

  it('continue is bounded: still truncated after the last round completes with a warning', async () => {
    const { claude, requests } = createFakeClaude(() => text('more ', 'max_tokens'));
    const events = await collect(flowWith('continue'), {}, { claude });
    expect(requests).toHaveLength(4);
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'p');
    expect(completed?.data.warnings?.[0]).toContain('after 3 continuation');
  });
});

describe('JSON output', () => {
  const schema = { type: 'object', properties: { title: { type: 'string' }, score: { type: 'number' } }, required: ['title', 'score'] };
  const flowFor = (model: string) => workflow([inputNode, prompt('extract', 'Extract', { output: 'json', schema, model }), outputNode('out', '{{extract.json.title}}')], ['input->extract', 'extract->out']);

  it('uses output_config.format on models with structured outputs and validates the answer', async () => {
    const { claude, requests } = createFakeClaude(() => text('{"title":"Hi","score":3}'));
    const events = await collect(flowFor('claude-sonnet-4-6'), {}, { claude });
    // The API's subset: objects closed with additionalProperties false.
    expect(requests[0]?.body.output_config).toEqual({ format: { type: 'json_schema', schema: { ...schema, additionalProperties: false } } });
    expect(requests[0]?.body.tools).toBeUndefined();
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Hi' } } });
  });

  it('forces a json_output tool on models without structured outputs', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'tool_use', id: 'toolu_j', name: 'json_output', input: { title: 'Tool', score: 1 } }] }));
    const models = catalogWith('claude-haiku-4-5', { structured_outputs: false });
    const events = await collect(flowFor('claude-haiku-4-5'), {}, { claude, models });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.tool_choice).toEqual({ type: 'tool', name: 'json_output' });
    expect((requests[0]?.body.tools as { input_schema: unknown }[])[0]?.input_schema).toEqual(schema);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Tool' } } });
  });

  it('fails the node clearly when the answer does not match the schema', async () => {
    const { claude } = createFakeClaude(() => text('{"title":"Hi","score":"high"}'));
    const events = await collect(flowFor('claude-sonnet-4-6'), {}, { claude });
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'extract', error: { type: 'validation_error', message: expect.stringContaining('/score must be number') } } });
  });
});

describe('prompt request shape', () => {
  it('sends system with cache_control, stop_sequences, tool_choice with disable_parallel_tool_use, and continue_from history', async () => {
    const flow = workflow(
      [
        inputNode,
        { id: 'calc', type: 'tool', config: { name: 'calc', input_schema: { type: 'object' }, implementation: { kind: 'builtin', name: 'calculator' } } },
        prompt('first', 'Hello', { system: { text: 'You are terse.', cache: true }, stop_sequences: ['END'] }),
        prompt('second', 'And then?', { continue_from: 'first', tool_choice: { type: 'auto', disable_parallel_tool_use: true } }),
        outputNode('out', '{{second.text}}'),
      ],
      ['input->first', 'first->second', 'calc=>second', 'second->out'],
    );
    const { claude, requests } = createFakeClaude(({ index }) => text(index === 0 ? 'Hi.' : 'Then done.'));
    const events = await collect(flow, {}, { claude });
    expect(requests[0]?.body.system).toEqual([{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }]);
    expect(requests[0]?.body.stop_sequences).toEqual(['END']);
    expect(requests[1]?.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(requests[1]?.body.messages).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: [{ type: 'text', text: 'Hi.' }] },
      { role: 'user', content: 'And then?' },
    ]);
    expect(terminal(events).type).toBe('run.completed');
  });

  it('maps a 429 that outlasts SDK retries to a TraceError with the API message', async () => {
    const flow = workflow([inputNode, prompt('p', 'x'), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    const { claude, requests } = createFakeClaude(() => ({ status: 429, type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit', headers: { 'retry-after-ms': '1' } }));
    const events = await collect(flow, {}, { claude });
    expect(requests).toHaveLength(3);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { error: { type: 'rate_limit_error', status: 429, message: 'Number of requests has exceeded your rate limit', request_id: 'req_fake' } } });
  });
});
