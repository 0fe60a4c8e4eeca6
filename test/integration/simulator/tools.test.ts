import Ajv from 'ajv/dist/2020';
import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { MODEL, useSimulator } from './helpers';

const ORDER_TOOL = {
  name: 'lookup_order',
  description: 'Find an order and its items',
  input_schema: {
    type: 'object' as const,
    properties: {
      order_id: { type: 'integer', minimum: 1 },
      priority: { type: 'string', enum: ['low', 'normal', 'urgent'] },
      customer: { type: 'object', properties: { email: { type: 'string', format: 'email' }, vip: { type: 'boolean' } }, required: ['email'] },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
    required: ['order_id', 'priority', 'customer', 'tags'],
  },
};

describe('tool use', () => {
  const start = useSimulator();

  it('generates input valid against the schema, with values taken from the conversation', async () => {
    const { client } = await start();
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 500,
      tools: [ORDER_TOOL],
      messages: [{ role: 'user', content: 'Please look up order 4521 for ana@example.org, it is urgent.' }],
    });
    expect(message.stop_reason).toBe('tool_use');
    const call = message.content.find((block) => block.type === 'tool_use')!;
    const validate = new Ajv({ strict: false }).compile(ORDER_TOOL.input_schema);
    expect(validate(call.input)).toBe(true);
    expect(call.input).toMatchObject({ order_id: 4521, priority: 'urgent', customer: { email: 'ana@example.org' } });
  });

  it('follows a system prompt that tells it to use a tool by name, once per question', async () => {
    const { client } = await start();
    const tools: Anthropic.Tool[] = [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
    const system = 'You are a travel assistant. Always check with the get_weather tool before answering.';
    const question: Anthropic.MessageParam = { role: 'user', content: 'Should I pack an umbrella for Paris tomorrow?' };
    const first = await client.messages.create({ model: MODEL, max_tokens: 500, system, tools, messages: [question] });
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    expect(call?.input).toEqual({ city: 'Paris' });

    const answer = await client.messages.create({
      model: MODEL,
      max_tokens: 500,
      system,
      tools,
      messages: [question, { role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call!.id, content: 'rain, 12 °C' }] }],
    });
    expect(answer.stop_reason).toBe('end_turn');
    expect(answer.content.some((block) => block.type === 'text' && block.text.includes('rain, 12 °C'))).toBe(true);
  });

  it('does not call a tool the system prompt only resembles', async () => {
    const { client } = await start();
    const tools: Anthropic.Tool[] = [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
    const message = await client.messages.create({ model: MODEL, max_tokens: 500, system: 'Be brief; get_weather_history is retired.', tools, messages: [{ role: 'user', content: 'Say hello to Ana.' }] });
    expect(message.stop_reason).toBe('end_turn');
  });

  it('round-trips tool results given as a string, as blocks, and as an error', async () => {
    const { client } = await start();
    const tools: Anthropic.Tool[] = [
      { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      { name: 'get_time', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
    ];
    const question: Anthropic.MessageParam = { role: 'user', content: 'What is the weather and the time in Madrid?' };
    const first = await client.messages.create({ model: MODEL, max_tokens: 500, tools, messages: [question] });
    const calls = first.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    expect(calls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
    expect(calls.every((call) => (call.input as { city: string }).city === 'Madrid')).toBe(true);

    const answer = await client.messages.create({
      model: MODEL,
      max_tokens: 500,
      tools,
      messages: [
        question,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: calls[0]!.id, content: 'Sunny, 24 °C' },
            { type: 'tool_result', tool_use_id: calls[1]!.id, content: [{ type: 'text', text: 'clock unavailable' }], is_error: true },
          ],
        },
      ],
    });
    expect(answer.stop_reason).toBe('end_turn');
    const text = (answer.content[0] as Anthropic.TextBlock).text;
    expect(text).toContain('Sunny, 24 °C');
    expect(text).toContain('get_time tool reported an error');
    expect(text).toContain('clock unavailable');
  });

  it('never calls a tool with tool_choice none, and always calls the forced one', async () => {
    const { client } = await start();
    const base = { model: MODEL, max_tokens: 300, tools: [ORDER_TOOL], messages: [{ role: 'user' as const, content: 'Look up order 7 please' }] };
    const none = await client.messages.create({ ...base, tool_choice: { type: 'none' } });
    expect(none.content.every((block) => block.type === 'text')).toBe(true);
    expect(none.stop_reason).toBe('end_turn');
    const forced = await client.messages.create({ ...base, messages: [{ role: 'user', content: 'Hello there' }], tool_choice: { type: 'tool', name: 'lookup_order' } });
    expect(forced.content.map((block) => block.type)).toEqual(['tool_use']);
    expect(forced.stop_reason).toBe('tool_use');
  });

  it('answers structured output with JSON valid against the schema', async () => {
    const { client } = await start();
    const schema = {
      type: 'object',
      // minimum/maximum are outside the structured-outputs schema subset (docs), so the score has none.
      properties: { sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] }, score: { type: 'number' }, topics: { type: 'array', items: { type: 'string' } } },
      required: ['sentiment', 'score', 'topics'],
      additionalProperties: false,
    };
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 500,
      output_config: { format: { type: 'json_schema', schema } },
      messages: [{ role: 'user', content: 'Classify: the delivery was late and the box was damaged, very negative experience.' }],
    });
    const value = JSON.parse((message.content[0] as Anthropic.TextBlock).text);
    expect(new Ajv({ strict: false }).compile(schema)(value)).toBe(true);
    expect(value.sentiment).toBe('negative');
  });

  it('describes images from their real headers', async () => {
    const { client } = await start();
    const { png, gif } = await import('./helpers');
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 300,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png(64, 48) } },
            { type: 'image', source: { type: 'base64', media_type: 'image/gif', data: gif(320, 200) } },
            { type: 'text', text: 'What are these?' },
          ],
        },
      ],
    });
    const text = (message.content[0] as Anthropic.TextBlock).text;
    expect(text).toContain('Image 1 is a PNG image, 64×48 pixels.');
    expect(text).toContain('Image 2 is a GIF image, 320×200 pixels.');
  });
});
