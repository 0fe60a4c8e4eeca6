import { describe, expect, it } from 'vitest';
import { MODEL, parseSse, useSimulator } from './helpers';

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
};

describe('streaming POST /v1/messages', () => {
  const start = useSimulator();

  it('sends every event kind with an event: line, in the canonical order', async () => {
    const { client } = await start();
    const response = await client.messages
      .create({
        model: MODEL,
        max_tokens: 4000,
        stream: true,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        tools: [WEATHER_TOOL],
        messages: [{ role: 'user', content: 'What is the weather in Lisbon right now?' }],
      })
      .asResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('request-id')).toMatch(/^req_011C/);
    const events = parseSse(await response.text());
    for (const { event, data } of events) expect(data.type).toBe(event);

    const names = events.map((e) => e.event);
    expect(names[0]).toBe('message_start');
    expect(names[1]).toBe('content_block_start');
    expect(names[2]).toBe('ping');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const opening = events[0]!.data.message as Record<string, unknown>;
    expect(opening.content).toEqual([]);
    expect(opening.usage).toMatchObject({ input_tokens: expect.any(Number) });

    const deltaTypes = events.filter((e) => e.event === 'content_block_delta').map((e) => (e.data.delta as { type: string }).type);
    expect(deltaTypes).toEqual(expect.arrayContaining(['thinking_delta', 'signature_delta', 'text_delta', 'input_json_delta']));
    // The signature arrives once, immediately before the thinking block stops.
    const signatureAt = events.findIndex((e) => e.event === 'content_block_delta' && (e.data.delta as { type: string }).type === 'signature_delta');
    expect(events[signatureAt + 1]).toMatchObject({ event: 'content_block_stop', data: { index: 0 } });
    expect(deltaTypes.filter((type) => type === 'signature_delta')).toHaveLength(1);
    // Tool input is split over several chunks that concatenate to valid JSON.
    const jsonChunks = events.filter((e) => e.event === 'content_block_delta' && (e.data.delta as { type: string }).type === 'input_json_delta').map((e) => (e.data.delta as { partial_json: string }).partial_json);
    expect(jsonChunks.length).toBeGreaterThan(2);
    expect(JSON.parse(jsonChunks.join(''))).toEqual({ city: 'Lisbon', unit: 'celsius' });
    const messageDelta = events.find((e) => e.event === 'message_delta')!.data;
    expect(messageDelta.delta).toMatchObject({ stop_reason: 'tool_use', stop_sequence: null });
    expect((messageDelta.usage as { output_tokens: number }).output_tokens).toBeGreaterThan(1);
  });

  it('iterates raw events through the SDK and assembles the same message as messages.stream()', async () => {
    const { client } = await start();
    const params = { model: MODEL, max_tokens: 500, messages: [{ role: 'user' as const, content: 'Describe the Eiffel Tower briefly.' }] };
    const stream = await client.messages.create({ ...params, stream: true });
    let text = '';
    const kinds = new Set<string>();
    for await (const event of stream) {
      kinds.add(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    expect([...kinds].sort()).toEqual(['content_block_delta', 'content_block_start', 'content_block_stop', 'message_delta', 'message_start', 'message_stop']);

    const helper = client.messages.stream(params);
    const deltas: string[] = [];
    helper.on('text', (delta) => deltas.push(delta));
    const final = await helper.finalMessage();
    expect(final.content).toHaveLength(1);
    expect(final.content[0]).toMatchObject({ type: 'text', text });
    expect(deltas.join('')).toBe(text);
    expect(text).toContain('Eiffel Tower');
    expect(final.stop_reason).toBe('end_turn');

    const plain = await client.messages.create(params);
    expect(plain.content[0]).toMatchObject({ type: 'text', text });
    expect(plain.usage.output_tokens).toBe(final.usage.output_tokens);
  });

  it('assembles thinking with a signature and tool_use input through MessageStream', async () => {
    const { client } = await start();
    const final = await client.messages
      .stream({
        model: MODEL,
        max_tokens: 3000,
        thinking: { type: 'enabled', budget_tokens: 1500 },
        tools: [WEATHER_TOOL],
        messages: [{ role: 'user', content: 'Check the weather in Oslo in fahrenheit.' }],
      })
      .finalMessage();
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
    const thinking = final.content[0] as { thinking: string; signature: string };
    expect(thinking.thinking).toContain('Oslo');
    expect(thinking.signature).not.toBe('');
    expect(final.content[2]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Oslo', unit: 'fahrenheit' }, caller: { type: 'direct' } });
    expect((final.content[2] as { id: string }).id).toMatch(/^toolu_01/);
    expect(final.stop_reason).toBe('tool_use');
    expect(final.usage.output_tokens_details?.thinking_tokens).toBeGreaterThan(0);
  });

  it('stops at max_tokens and truncates the streamed text the same way as the JSON answer', async () => {
    const { client } = await start();
    const params = { model: MODEL, max_tokens: 5, messages: [{ role: 'user' as const, content: 'Write a long essay about the history of bridges in Europe.' }] };
    const streamed = await client.messages.stream(params).finalMessage();
    const plain = await client.messages.create(params);
    expect(streamed.stop_reason).toBe('max_tokens');
    expect(plain.stop_reason).toBe('max_tokens');
    expect(plain.usage.output_tokens).toBe(5);
    expect(streamed.usage.output_tokens).toBe(5);
    expect((streamed.content[0] as { text: string }).text).toBe((plain.content[0] as { text: string }).text);
    const full = await client.messages.create({ ...params, max_tokens: 1000 });
    expect((full.content[0] as { text: string }).text.startsWith((plain.content[0] as { text: string }).text)).toBe(true);
    expect(full.usage.output_tokens).toBeGreaterThan(5);
  });

  it('reports stop_sequence with the matched sequence and cuts the text before it', async () => {
    const { client } = await start();
    const params = { model: MODEL, max_tokens: 500, stop_sequences: ['STOP-HERE'], messages: [{ role: 'user' as const, content: 'Repeat after me: alpha beta STOP-HERE gamma' }] };
    for (const message of [await client.messages.create(params), await client.messages.stream(params).finalMessage()]) {
      expect(message.stop_reason).toBe('stop_sequence');
      expect(message.stop_sequence).toBe('STOP-HERE');
      const text = (message.content[0] as { text: string }).text;
      expect(text).toContain('alpha beta');
      expect(text).not.toContain('STOP-HERE');
    }
  });

  it('answers the same request with the same content every time', async () => {
    const { client } = await start();
    const params = { model: MODEL, max_tokens: 300, tools: [WEATHER_TOOL], messages: [{ role: 'user' as const, content: 'Weather in Rome?' }] };
    const first = await client.messages.create(params);
    const second = await client.messages.create(params);
    expect(second.content).toEqual(first.content);
    expect(second.id).not.toBe(first.id);
  });
});
