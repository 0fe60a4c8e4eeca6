import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, useSimulator } from './helpers';

// build-with-claude/preserved-thinking and preserved-thinking/fix-bound-to-a-different-conversation:
// on Fable 5.1+, Opus 5.5, Sonnet 5.5 and Haiku 5.5 a thinking block is tied to the model that wrote
// it and to its prefix (system, tools, every earlier message).
const BOUND = 'messages.1.content.0: Invalid `signature` in `thinking` block. The block is bound to a different conversation. Remove the block, or set `thinking.block_binding.prefix_mismatch_behavior` to "drop_block".';
const LOOKUP: Anthropic.Tool = { name: 'lookup_city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const OTHER: Anthropic.Tool = { name: 'get_time', input_schema: { type: 'object', properties: {} } };
const SYSTEM = 'You are a travel assistant.';
const QUESTION: Anthropic.MessageParam = { role: 'user', content: 'Use lookup_city for Vienna.' };

describe('preserved thinking: blocks bound to the model and the conversation', () => {
  const start = useSimulator();

  async function firstTurn(client: Anthropic, model = 'claude-sonnet-5-5') {
    const first = await client.messages.create({ model, max_tokens: 2000, system: SYSTEM, tools: [LOOKUP], messages: [QUESTION] });
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!;
    const result: Anthropic.MessageParam = { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'Vienna: 2 million people' }] };
    return { first, history: [QUESTION, { role: 'assistant', content: first.content } as Anthropic.MessageParam, result] };
  }

  it('accepts the turn sent back unchanged, with cache_control moved (not an edit)', async () => {
    const { client } = await start();
    const { first, history } = await firstTurn(client);
    expect(first.content[0]!.type).toBe('thinking');
    const next = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 2000, system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }], tools: [LOOKUP], messages: history });
    expect(next.stop_reason).toBe('end_turn');
  });

  it.each<[string, (history: Anthropic.MessageParam[]) => Partial<Anthropic.MessageCreateParamsNonStreaming>]>([
    ['the system prompt changed', () => ({ system: 'You are a code reviewer.' })],
    ['the tools changed', () => ({ tools: [LOOKUP, OTHER] })],
    ['an earlier message changed', (history) => ({ messages: [{ role: 'user', content: 'Use lookup_city for Paris.' }, ...history.slice(1)] })],
  ])('refuses a block sent back after %s with 400 and the documented message', async (_change, change) => {
    const { client } = await start();
    const { history } = await firstTurn(client);
    const body = { model: 'claude-sonnet-5-5', max_tokens: 2000, system: SYSTEM, tools: [LOOKUP], messages: history, ...change(history) };
    const error = await errorOf(() => client.messages.create(body));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.type).toBe('invalid_request_error');
    expect(error.apiMessage).toBe(BOUND);
  });

  it('drops the failing blocks instead with prefix_mismatch_behavior "drop_block" and the beta header', async () => {
    const { client } = await start();
    const { history } = await firstTurn(client);
    const body = { model: 'claude-sonnet-5-5', max_tokens: 2000, system: 'You are a code reviewer.', tools: [LOOKUP], messages: history, thinking: { type: 'adaptive', block_binding: { prefix_mismatch_behavior: 'drop_block' } } };
    const next = await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming, { headers: { 'anthropic-beta': 'thinking-binding-controls-2026-08-01' } });
    expect(next.stop_reason).toBe('end_turn');
  });

  // "If the current model can't read a block, the API drops it from that request without an error."
  it('drops a block written by a model this one cannot read, without an error', async () => {
    const { client } = await start();
    const { history } = await firstTurn(client, 'claude-opus-5-5');
    const next = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 2000, system: 'Anything else.', tools: [LOOKUP], messages: history });
    expect(next.stop_reason).toBe('end_turn');
  });

  // "Claude Fable 5.1 reads blocks from Claude Opus 5 and, on the Claude API, from Claude Opus 5.5"
  it('checks the prefix of a block from a model it can read (Fable 5.1 reading Opus 5.5)', async () => {
    const { client } = await start();
    const { history } = await firstTurn(client, 'claude-opus-5-5');
    await client.messages.create({ model: 'claude-fable-5-1', max_tokens: 2000, system: SYSTEM, tools: [LOOKUP], messages: history });
    const error = await errorOf(() => client.messages.create({ model: 'claude-fable-5-1', max_tokens: 2000, system: 'Changed.', tools: [LOOKUP], messages: history }));
    expect(error.apiMessage).toBe(BOUND);
  });

  it('still refuses an edited block with "Invalid `signature`" on every model', async () => {
    const { client } = await start();
    const { first, history } = await firstTurn(client);
    const edited = first.content.map((block) => (block.type === 'thinking' ? { ...block, thinking: 'edited' } : block));
    const messages = [history[0]!, { role: 'assistant' as const, content: edited }, history[2]!];
    const error = await errorOf(() => client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 2000, system: SYSTEM, tools: [LOOKUP], messages }));
    expect(error.apiMessage).toBe('messages.1.content.0.signature: Invalid `signature` in `thinking` block');
  });

  it('does not bind blocks on models without preserved thinking (Sonnet 4.6 checks byte identity only)', async () => {
    const { client } = await start();
    const thinking = { type: 'enabled' as const, budget_tokens: 1024 };
    const first = await client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 3000, thinking, system: SYSTEM, tools: [LOOKUP], messages: [QUESTION] });
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!;
    const messages: Anthropic.MessageParam[] = [QUESTION, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'ok' }] }];
    const next = await client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 3000, thinking, system: 'A different system prompt.', tools: [LOOKUP], messages });
    expect(next.stop_reason).toBe('end_turn');
  });
});
