import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, MODEL, useSimulator } from './helpers';

const LOOKUP: Anthropic.Tool = { name: 'lookup_city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('thinking blocks', () => {
  const start = useSimulator();

  async function toolTurn(client: Anthropic) {
    const question: Anthropic.MessageParam = { role: 'user', content: 'Use lookup_city for Vienna.' };
    const first = await client.messages.create({ model: MODEL, max_tokens: 3000, thinking: { type: 'enabled', budget_tokens: 1024 }, tools: [LOOKUP], messages: [question] });
    const call = first.content.find((block) => block.type === 'tool_use')!;
    return { question, first, call };
  }

  it('accepts thinking blocks passed back unchanged in a tool loop', async () => {
    const { client } = await start();
    const { question, first, call } = await toolTurn(client);
    expect(first.content[0]!.type).toBe('thinking');
    const next = await client.messages.create({
      model: MODEL,
      max_tokens: 3000,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools: [LOOKUP],
      messages: [question, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'Vienna: population 2 million' }] }],
    });
    expect(next.stop_reason).toBe('end_turn');
    expect(next.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('rejects a modified thinking block with "Invalid `signature`"', async () => {
    const { client } = await start();
    const { question, first, call } = await toolTurn(client);
    const tampered = first.content.map((block) => (block.type === 'thinking' ? { ...block, thinking: `${block.thinking} (edited)` } : block));
    const error = await errorOf(() =>
      client.messages.create({
        model: MODEL,
        max_tokens: 3000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        tools: [LOOKUP],
        messages: [question, { role: 'assistant', content: tampered }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'ok' }] }],
      }),
    );
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.apiMessage).toBe('messages.1.content.0.signature: Invalid `signature` in `thinking` block');
  });

  it('keeps the signature but hides the text with display omitted', async () => {
    const { client } = await start();
    const message = await client.messages.create({ model: 'claude-opus-5-5', max_tokens: 2000, thinking: { type: 'adaptive', display: 'omitted' }, messages: [{ role: 'user', content: 'Why is the sky blue?' }] });
    const thinking = message.content[0] as Anthropic.ThinkingBlock;
    expect(thinking.type).toBe('thinking');
    expect(thinking.thinking).toBe('');
    expect(thinking.signature.length).toBeGreaterThan(20);
    expect(message.usage.output_tokens_details?.thinking_tokens).toBeGreaterThan(0);
  });

  it('keeps enabled thinking within budget_tokens', async () => {
    const { client } = await start();
    const message = await client.messages.create({ model: MODEL, max_tokens: 1100, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'word '.repeat(3000) }] });
    expect(message.usage.output_tokens_details?.thinking_tokens).toBeLessThanOrEqual(1024);
    expect(message.usage.output_tokens).toBeLessThanOrEqual(1100);
  });
});
