import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const LOOKUP: Anthropic.Tool = { name: 'lookup_city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
const ask = (content: string): Anthropic.MessageParam[] => [{ role: 'user', content }];

describe('thinking by default, display and text between tool calls', () => {
  const start = useSimulator();

  // models/sonnet-5-5/whats-new-sonnet-5-5: "Adaptive thinking is on by default"; display defaults to omitted.
  it.each(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-haiku-5-5', 'claude-fable-5-1', 'claude-opus-5'])('%s thinks when the request omits thinking, with empty text and a signature', async (model) => {
    const { client } = await start();
    const message = await client.messages.create({ model, max_tokens: 1000, messages: ask('Why is the sky blue?') });
    const thinking = message.content[0] as Anthropic.ThinkingBlock;
    expect(thinking.type).toBe('thinking');
    expect(thinking.thinking).toBe('');
    expect(thinking.signature.length).toBeGreaterThan(40);
    expect(message.usage.output_tokens_details?.thinking_tokens).toBeGreaterThan(0);
    expect(message.content.at(-1)!.type).toBe('text');
  });

  it('returns summarized thinking text when display is "summarized"', async () => {
    const { client } = await start();
    const message = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 1000, thinking: { type: 'adaptive', display: 'summarized' }, messages: ask('Why is the sky blue?') });
    expect((message.content[0] as Anthropic.ThinkingBlock).thinking).toContain('Why is the sky blue?');
  });

  // Claude 4.6 and earlier, and 4.7/4.8: thinking stays off unless asked for (thinking-troubleshooting).
  it.each(['claude-sonnet-4-6', 'claude-opus-4-8', 'claude-haiku-4-5'])('%s does not think when the request omits thinking', async (model) => {
    const { client } = await start();
    const message = await client.messages.create({ model, max_tokens: 1000, messages: ask('Why is the sky blue?') });
    expect(message.content.map((block) => block.type)).toEqual(['text']);
  });

  // models/opus-5-5/whats-new-opus-5-5: "text between tool calls comes back in thinking blocks whose
  // text is empty at the default display setting".
  it.each(['claude-opus-5-5', 'claude-sonnet-5-5'])('%s returns the text between tool calls in a thinking block, empty by default', async (model) => {
    const { client } = await start();
    const message = await client.messages.create({ model, max_tokens: 2000, tools: [LOOKUP], messages: ask('Use lookup_city for Vienna.') });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'thinking', 'tool_use']);
    expect((message.content[1] as Anthropic.ThinkingBlock).thinking).toBe('');
    const shown = await client.messages.create({ model, max_tokens: 2000, thinking: { type: 'adaptive', display: 'summarized' }, tools: [LOOKUP], messages: ask('Use lookup_city for Vienna.') });
    expect((shown.content[1] as Anthropic.ThinkingBlock).thinking).toBe("I'll use the lookup_city tool to help with this.");
  });

  it('keeps that text in a text block on a model that does not move it (Sonnet 5)', async () => {
    const { client } = await start();
    const message = await client.messages.create({ model: 'claude-sonnet-5', max_tokens: 2000, tools: [LOOKUP], messages: ask('Use lookup_city for Vienna.') });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
  });

  // models/sonnet-5-5/whats-new-sonnet-5-5: between_tools turns off up-front thinking; progress updates
  // still come back as thinking blocks with summarized text; without tools the response is text only.
  it('between_tools on Sonnet 5.5: no up-front thinking, progress notes with text, text only without tools', async () => {
    const { client } = await start();
    const withTools = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 2000, thinking: { type: 'between_tools' }, tools: [LOOKUP], messages: ask('Use lookup_city for Vienna.') });
    expect(withTools.content.map((block) => block.type)).toEqual(['thinking', 'tool_use']);
    expect((withTools.content[0] as Anthropic.ThinkingBlock).thinking).toBe("I'll use the lookup_city tool to help with this.");
    const plain = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 2000, thinking: { type: 'between_tools' }, messages: ask('Why is the sky blue?') });
    expect(plain.content.map((block) => block.type)).toEqual(['text']);
  });

  it('streams default thinking with a signature_delta the SDK accumulates, and the streamed turn round-trips', async () => {
    const { client } = await start();
    const streamed = await client.messages.stream({ model: 'claude-opus-5-5', max_tokens: 2000, tools: [LOOKUP], messages: ask('Use lookup_city for Vienna.') }).finalMessage();
    const call = streamed.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!;
    expect((streamed.content[0] as Anthropic.ThinkingBlock).signature.length).toBeGreaterThan(40);
    const next = await client.messages.create({
      model: 'claude-opus-5-5',
      max_tokens: 2000,
      tools: [LOOKUP],
      messages: [...ask('Use lookup_city for Vienna.'), { role: 'assistant', content: streamed.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'Vienna: sunny' }] }],
    });
    expect(next.stop_reason).toBe('end_turn');
  });
});
