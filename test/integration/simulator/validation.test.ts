import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, MODEL, png, useSimulator } from './helpers';

type Params = Record<string, unknown>;
const user = (content: unknown) => ({ role: 'user', content });
const assistant = (content: unknown) => ({ role: 'assistant', content });
const base: Params = { model: MODEL, max_tokens: 200, messages: [user('Hello')] };
const tool = (name: string) => ({ name, input_schema: { type: 'object', properties: {} } });
const toolUse = (id: string) => ({ type: 'tool_use', id, name: 'lookup', input: {} });
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'ok' });
const image = (mediaType: string, data: string) => ({ type: 'image', source: { type: 'base64', media_type: mediaType, data } });
const cached = (text: string, ttl?: string) => ({ type: 'text', text, cache_control: { type: 'ephemeral', ...(ttl ? { ttl } : {}) } });

/** [rule, request body, path the message must start with, message fragment] */
const BAD_REQUESTS: [string, Params, string, string][] = [
  ['max_tokens is required', { model: MODEL, messages: [user('Hi')] }, 'max_tokens', 'Field required'],
  ['model is required', { max_tokens: 10, messages: [user('Hi')] }, 'model', 'Field required'],
  ['messages is required', { model: MODEL, max_tokens: 10 }, 'messages', 'Field required'],
  ['sampling params are extra inputs on new models', { ...base, temperature: 0.5 }, 'temperature', 'Extra inputs are not permitted'],
  ['unknown top-level fields are rejected', { ...base, frobnicate: true }, 'frobnicate', 'Extra inputs are not permitted'],
  // models/sonnet-4-6/overview: max output 128K.
  ['max_tokens above the model limit', { ...base, max_tokens: 200000 }, 'max_tokens', '200000 > 128000, which is the maximum allowed number of output tokens for claude-sonnet-4-6'],
  ['messages must not be empty', { ...base, messages: [] }, 'messages', 'at least 1 item'],
  ['first message must be user', { ...base, messages: [assistant('Hi'), user('Hello')] }, 'messages', 'first message must use the "user" role'],
  ['prefill unsupported on the model', { ...base, messages: [user('Hi'), assistant('Sure')] }, 'messages.1', 'does not support assistant message prefill'],
  ['prefill trailing whitespace', { ...base, model: 'claude-haiku-4-5', messages: [user('Hi'), assistant('Sure ')] }, 'messages.1.content', 'final assistant content cannot end with trailing whitespace'],
  ['empty text block', { ...base, messages: [user([{ type: 'text', text: '' }])] }, 'messages.0.content.0.text', 'text content blocks must be non-empty'],
  ['whitespace system prompt', { ...base, system: '   ' }, 'system', 'must contain non-whitespace text'],
  ['whitespace system block', { ...base, system: [{ type: 'text', text: '\n' }] }, 'system.0.text', 'must contain non-whitespace text'],
  ['tool name pattern', { ...base, tools: [tool('bad name!')] }, 'tools.0.name', "String should match pattern"],
  ['tool names unique', { ...base, tools: [tool('lookup'), tool('lookup')] }, 'tools.1.name', 'unique'],
  ['input_schema.type object', { ...base, tools: [{ name: 'x', input_schema: { type: 'string' } }] }, 'tools.0.input_schema.type', "Input should be 'object'"],
  ['tool_choice without tools', { ...base, tool_choice: { type: 'auto' } }, 'tool_choice', 'tool_choice may only be specified while providing tools.'],
  ['tool_choice names an unknown tool', { ...base, tools: [tool('lookup')], tool_choice: { type: 'tool', name: 'other' } }, 'tool_choice.name', 'not found'],
  ['tool_use only in assistant turns', { ...base, messages: [user([toolUse('toolu_1')])] }, 'messages.0.content.0.type', 'can only be used in `assistant` messages'],
  ['tool_result only in user turns', { ...base, messages: [user('Hi'), assistant([toolResult('toolu_1')]), user('x')] }, 'messages.1.content.0.type', 'can only be used in `user` messages'],
  ['tool_use needs a result in the next user turn', { ...base, tools: [tool('lookup')], messages: [user('Hi'), assistant([toolUse('toolu_1')]), user('and?')] }, 'messages.1', '`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1'],
  ['unexpected tool_use_id', { ...base, tools: [tool('lookup')], messages: [user('Hi'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1'), toolResult('toolu_9')])] }, 'messages.2.content.1', 'unexpected `tool_use_id` found in `tool_result` blocks: toolu_9'],
  ['duplicate tool_use ids', { ...base, tools: [tool('lookup')], messages: [user('Hi'), assistant([toolUse('toolu_1'), toolUse('toolu_1')]), user([toolResult('toolu_1')])] }, 'messages.1.content.1', '`tool_use` ids must be unique'],
  ['tool_result blocks come first', { ...base, tools: [tool('lookup')], messages: [user('Hi'), assistant([toolUse('toolu_1')]), user([{ type: 'text', text: 'here' }, toolResult('toolu_1')])] }, 'messages.2.content.1', '`tool_result` blocks must come first'],
  ['tool pairing is checked after merging same-role turns', { ...base, tools: [tool('lookup')], messages: [user('Hi'), assistant('Let me check.'), assistant([toolUse('toolu_1')]), user('no result')] }, 'messages.1', 'toolu_1'],
  ['thinking budget at least 1024', { ...base, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 500 } }, 'thinking.enabled.budget_tokens', 'greater than or equal to 1024'],
  ['thinking budget below max_tokens', { ...base, max_tokens: 1500, thinking: { type: 'enabled', budget_tokens: 2000 } }, 'max_tokens', 'max_tokens must be greater than thinking.budget_tokens'],
  ['thinking with forced tool use', { ...base, tools: [tool('lookup')], tool_choice: { type: 'any' }, thinking: { type: 'adaptive' } }, 'tool_choice', 'Thinking may not be enabled when tool_choice forces tool use.'],
  ['thinking needs the tool turn to start with thinking', { ...base, thinking: { type: 'adaptive' }, tools: [tool('lookup')], messages: [user('Hi'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_1')])] }, 'messages.1.content.0.type', 'Expected `thinking` or `redacted_thinking`, but found `tool_use`'],
  ['image media type', { ...base, messages: [user([image('image/bmp', png(4, 4))])] }, 'messages.0.content.0.source.media_type', "Input should be 'image/jpeg'"],
  ['image bytes match the media type', { ...base, messages: [user([image('image/jpeg', png(4, 4))])] }, 'messages.0.content.0.source.base64.data', 'Image does not match the provided media type'],
  // Measured on the base64 string, as the API's own error text reports it (issue 11).
  ['image at most 5 MB', { ...base, messages: [user([image('image/png', 'A'.repeat(5 * 1024 * 1024 + 4))])] }, 'messages.0.content.0.source.base64', 'image exceeds 5 MB maximum: 5242884 bytes > 5242880 bytes'],
  ['image side at most 8000 px', { ...base, messages: [user([image('image/png', png(8001, 1))])] }, 'messages.0.content.0.source.base64.data', 'image dimensions exceed max allowed size: 8001x1 pixels > 8000'],
  ['image side at most 2000 px above 20 images', { ...base, messages: [user(Array.from({ length: 21 }, () => image('image/png', png(2001, 1))))] }, 'messages.0.content.0.source.base64.data', '> 2000 pixels'],
  // 100 images on 200K-context models (Haiku 4.5); 600 on 1M-context models such as Sonnet 4.6.
  ['at most 100 images', { ...base, model: 'claude-haiku-4-5', messages: [user(Array.from({ length: 101 }, () => image('image/png', png(2, 2))))] }, 'messages.0.content.100', 'Too many images'],
  ['url images are never fetched', { ...base, messages: [user([{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }])] }, 'messages.0.content.0.source.url', 'never fetches URLs'],
  ['at most 4 cache breakpoints', { ...base, system: [cached('a'), cached('b'), cached('c')], messages: [user([cached('d'), cached('e')])] }, 'messages.0.content.1.cache_control', 'A maximum of 4 blocks with cache_control may be provided. Found 5.'],
  ['cache ttl is 5m or 1h', { ...base, system: [cached('a', '10m')] }, 'system.0.cache_control.ttl', "Input should be '5m' or '1h'"],
  ['1h breakpoints before 5m ones', { ...base, system: [cached('a', '5m'), cached('b', '1h')] }, 'system.1.cache_control.ttl', "ttl='1h' cache_control block must not come after"],
  ['stop_sequences is a list', { ...base, stop_sequences: 'END' }, 'stop_sequences', 'Input should be a valid list'],
  ['stop_sequences are non-empty strings', { ...base, stop_sequences: ['END', ''] }, 'stop_sequences.1', 'non-empty'],
];

describe('request validation (wire §8)', () => {
  const start = useSimulator();

  it.each(BAD_REQUESTS)('%s → 400 naming the path', async (_rule, body, path, fragment) => {
    const { client } = await start();
    // An explicit timeout keeps the SDK from refusing large max_tokens before sending.
    const error = await errorOf(() => client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming, { timeout: 60_000 }));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect((error.error as { error: { type: string } }).error.type).toBe('invalid_request_error');
    expect(error.apiMessage?.startsWith(`${path}: `)).toBe(true);
    expect(error.apiMessage).toContain(fragment);
    expect(error.requestID).toMatch(/^req_011C/);
  });

  it('answers an unknown model with 404 not_found_error', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.create({ ...base, model: 'claude-imaginary-9' } as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe('not_found_error');
    expect(error.apiMessage).toBe('model: claude-imaginary-9');
  });

  it('rejects a prompt longer than the context window', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.create({ ...base, model: 'claude-haiku-4-5', messages: [user('lorem '.repeat(110_000))] } as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.apiMessage).toMatch(/^messages: prompt is too long: \d+ tokens > 200000 maximum$/);
  });

  // api/versioning: temperature/top_p/top_k exist only under anthropic-version 2023-06-01.
  it('accepts sampling params on a legacy model under anthropic-version 2023-06-01', async () => {
    const { client } = await start();
    const body = { ...base, model: 'claude-haiku-4-5', temperature: 0.2, top_k: 5 } as unknown as Anthropic.MessageCreateParamsNonStreaming;
    const message = await client.messages.create(body, { headers: { 'anthropic-version': '2023-06-01' } });
    expect(message.type).toBe('message');
  });

  it('flags oversized images with the image_dimensions_too_large error code', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.create({ ...base, messages: [user([image('image/png', png(9000, 1))])] } as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error.errorCode).toBe('image_dimensions_too_large');
    expect(error.details).toMatchObject({ max_side_length_pixels: 8000 });
  });

  it.each<[string, Params]>([
    ['consecutive user turns (merged)', { ...base, messages: [user('Hi'), user('Are you there?')] }],
    ['a prefill on a model that supports it', { ...base, model: 'claude-haiku-4-5', messages: [user('Hi'), assistant('Sure,')] }],
    ['tool_choice none without tools', { ...base, tool_choice: { type: 'none' } }],
    ['four breakpoints, 1h before 5m', { ...base, tools: [{ ...tool('lookup'), cache_control: { type: 'ephemeral', ttl: '1h' } }], system: [cached('a', '1h'), cached('b')], messages: [user([cached('c')])] }],
    ['20 images of 8000 px', { ...base, messages: [user(Array.from({ length: 20 }, () => image('image/png', png(8000, 1))))] }],
  ])('accepts %s', async (_rule, body) => {
    const { client } = await start();
    const message = await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming);
    expect(message.type).toBe('message');
  });
});
