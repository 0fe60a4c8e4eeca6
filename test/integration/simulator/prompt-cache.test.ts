import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { MODEL, useSimulator } from './helpers';

const MANUAL = 'Section 4.2: every deployment must be reviewed by two engineers and rolled out region by region. '.repeat(80);

function request(question: string, ttl?: '5m' | '1h', manual = MANUAL): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model: MODEL,
    max_tokens: 100,
    system: [{ type: 'text', text: manual, cache_control: { type: 'ephemeral', ...(ttl ? { ttl } : {}) } }],
    messages: [{ role: 'user', content: question }],
  };
}

describe('prompt caching', () => {
  const start = useSimulator();

  it('writes the prefix on the first request and reads it on the second', async () => {
    const { client } = await start();
    const first = await client.messages.create(request('Who reviews deployments?'));
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    const second = await client.messages.create(request('How are rollouts done?'));
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.input_tokens).toBeLessThan(50);
  });

  it('expires after 5 minutes on the injected clock, 1 hour when asked', async () => {
    let now = 1_000_000;
    const { client } = await start({ now: () => now });
    await client.messages.create(request('a'));
    now += 4 * 60_000;
    expect((await client.messages.create(request('b'))).usage.cache_read_input_tokens).toBeGreaterThan(0);
    // A hit refreshes the TTL, so measure from the last read.
    now += 5 * 60_000 + 1;
    const expired = await client.messages.create(request('c'));
    expect(expired.usage.cache_read_input_tokens).toBe(0);
    expect(expired.usage.cache_creation_input_tokens).toBeGreaterThan(0);

    const longManual = `${MANUAL} Appendix.`;
    const long = await client.messages.create(request('d', '1h', longManual));
    expect(long.usage.cache_creation?.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    expect(long.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(0);
    now += 30 * 60_000;
    expect((await client.messages.create(request('e', '1h', longManual))).usage.cache_read_input_tokens).toBeGreaterThan(0);
  });

  it('does not cache a prefix below the model minimum', async () => {
    const { client } = await start();
    const short: Anthropic.MessageCreateParamsNonStreaming = { ...request('x'), system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }] };
    await client.messages.create(short);
    const again = await client.messages.create(short);
    expect(again.usage.cache_creation_input_tokens).toBe(0);
    expect(again.usage.cache_read_input_tokens).toBe(0);
  });

  it('reports cache usage in the streamed message_start and message_delta', async () => {
    const { client } = await start();
    await client.messages.create(request('warm up'));
    const streamed = await client.messages.stream(request('Who reviews deployments?')).finalMessage();
    expect(streamed.usage.cache_read_input_tokens).toBeGreaterThan(1024);
  });
});
