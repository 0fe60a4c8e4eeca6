import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, MODEL, png, useSimulator } from './helpers';

const LONG = 'The quarterly report covers revenue, churn and hiring across all regions. '.repeat(120);

const SHAPES: [string, Omit<Anthropic.MessageCountTokensParams, 'model'>][] = [
  ['a plain message', { messages: [{ role: 'user', content: 'Hello, how are you?' }] }],
  ['system and several turns', { system: 'You are terse.', messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello.' }, { role: 'user', content: 'Tell me a fact.' }] }],
  ['tools and tool_choice', { tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }], tool_choice: { type: 'auto' }, messages: [{ role: 'user', content: 'Weather in Paris?' }] }],
  ['images', { messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png(300, 200) } }, { type: 'text', text: 'Describe' }] }] }],
  ['cache breakpoints', { system: [{ type: 'text', text: LONG, cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Summarise the report.' }] }],
  ['structured output', { output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false } } }, messages: [{ role: 'user', content: 'Give me a' }] }],
];

describe('POST /v1/messages/count_tokens', () => {
  const start = useSimulator();

  it.each(SHAPES)('equals the input tokens create reports for %s', async (_shape, params) => {
    const { client } = await start();
    const { input_tokens: counted } = await client.messages.countTokens({ model: MODEL, ...params });
    // Twice, so the second create reads the cache: the total must not change.
    for (let i = 0; i < 2; i++) {
      const { usage } = await client.messages.create({ model: MODEL, max_tokens: 100, ...params } as Anthropic.MessageCreateParamsNonStreaming);
      expect(usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0)).toBe(counted);
    }
    expect(counted).toBeGreaterThan(0);
  });

  it('grows with the prompt', async () => {
    const { client } = await start();
    const short = await client.messages.countTokens({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] });
    const long = await client.messages.countTokens({ model: MODEL, messages: [{ role: 'user', content: LONG }] });
    expect(long.input_tokens).toBeGreaterThan(short.input_tokens + 1000);
  });

  it.each(['max_tokens', 'stream', 'metadata', 'stop_sequences', 'service_tier'])('rejects the create-only field %s', async (field) => {
    const { client } = await start();
    const values: Record<string, unknown> = { max_tokens: 10, stream: false, metadata: { user_id: 'u' }, stop_sequences: ['x'], service_tier: 'auto' };
    const error = await errorOf(() => client.messages.countTokens({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }], [field]: values[field] } as Anthropic.MessageCountTokensParams));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.apiMessage).toBe(`${field}: Extra inputs are not permitted`);
  });

  it('applies the same validation as create', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.countTokens({ model: MODEL, messages: [{ role: 'assistant', content: 'Hi' }] }));
    expect(error.apiMessage).toBe('messages: first message must use the "user" role');
  });
});
