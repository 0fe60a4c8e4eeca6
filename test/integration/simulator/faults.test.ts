import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../server/simulator';
import { errorOf, MODEL, useSimulator } from './helpers';

const params = { model: MODEL, max_tokens: 200, messages: [{ role: 'user' as const, content: 'Tell me about tides.' }] };
const messageRequests = (sim: RunningSimulator) =>
  sim.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages');

describe('faults and retries', () => {
  const start = useSimulator();

  it.each([429, 529])('the SDK retries %i honouring retry-after-ms, then succeeds', async (status) => {
    const { sim, client } = await start({}, { maxRetries: 2 });
    sim.injectFault({ kind: 'status', status, retryAfterMs: 5 }, { times: 2 });
    const message = await client.messages.create(params);
    expect(message.type).toBe('message');
    const seen = messageRequests(sim);
    expect(seen.map((request) => request.retryCount)).toEqual([0, 1, 2]);
    expect(seen.map((request) => request.status)).toEqual([status, status, 200]);
  });

  it('surfaces the right error class and headers once retries are exhausted', async () => {
    const { sim, client } = await start({}, { maxRetries: 1 });
    sim.injectFault({ kind: 'status', status: 529, retryAfterMs: 1 }, { times: 5 });
    const error = await errorOf(() => client.messages.create(params));
    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    expect(error.type).toBe('overloaded_error');
    expect(error.headers?.get('retry-after-ms')).toBe('1');
    expect(messageRequests(sim)).toHaveLength(2);
  });

  it('never retries a 400', async () => {
    const { sim, client } = await start({}, { maxRetries: 2 });
    const error = await errorOf(() => client.messages.create({ ...params, messages: [] }));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(messageRequests(sim)).toHaveLength(1);
  });

  it('x-should-retry: false stops the SDK from retrying a 500', async () => {
    const { sim, client } = await start({}, { maxRetries: 2 });
    sim.injectFault({ kind: 'status', status: 500, shouldRetry: false });
    expect(await errorOf(() => client.messages.create(params))).toBeInstanceOf(Anthropic.InternalServerError);
    expect(messageRequests(sim)).toHaveLength(1);
  });

  it('a mid-stream error event surfaces as a plain APIError and is not retried', async () => {
    const { sim, client } = await start({}, { maxRetries: 2 });
    sim.injectFault({ kind: 'mid_stream_error', afterDeltas: 2 });
    const stream = client.messages.stream(params);
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    const error = await errorOf(() => stream.finalMessage());
    expect(error.constructor).toBe(Anthropic.APIError);
    expect(error.status).toBeUndefined();
    expect(error.type).toBe('overloaded_error');
    expect(texts).toHaveLength(2);
    expect(messageRequests(sim)).toHaveLength(1);
  });

  it('a mid-stream error before the first delta carries the configured type', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'mid_stream_error', afterDeltas: 0, errorType: 'api_error' });
    const stream = await client.messages.create({ ...params, stream: true });
    const error = await errorOf(async () => {
      for await (const event of stream) expect(event.type).not.toBe('content_block_delta');
    });
    expect(error.type).toBe('api_error');
  });

  it('a truncated stream (no message_stop) fails the SDK stream', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'truncate', afterDeltas: 1 });
    await expect(client.messages.stream(params).finalMessage()).rejects.toThrow();
    expect(messageRequests(sim)[0]?.clientClosed).toBe(false);
  });

  it('a reset connection is retried by the SDK as a connection error', async () => {
    const { sim, client } = await start({}, { maxRetries: 1 });
    sim.injectFault({ kind: 'reset' });
    const message = await client.messages.create(params);
    expect(message.type).toBe('message');
    expect(messageRequests(sim).map((request) => request.retryCount)).toEqual([0, 1]);
  });

  it('marks clientClosed when the client aborts a slow stream, and stops writing', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'slow_first_token', ms: 30_000 });
    const controller = new AbortController();
    const stream = await client.messages.create({ ...params, stream: true }, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.type).toBe('message_start');
    controller.abort();
    const after: string[] = [];
    const drain = async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) after.push(next.value.type);
    };
    // The SDK ends an aborted stream quietly or with an abort error, depending on timing.
    await drain().catch((error: unknown) => expect(error).toBeInstanceOf(Anthropic.APIUserAbortError));
    // Only what was already buffered before the abort (block start) arrives; no text was generated.
    expect(after).not.toContain('content_block_delta');
    await vitestWaitFor(() => messageRequests(sim)[0]?.clientClosed === true);
    expect(messageRequests(sim)[0]).toMatchObject({ clientClosed: true, stream: true, status: 200 });
  });

  it('holds the first token back under the latency model until the client gives up', async () => {
    const { sim, client } = await start({ latency: { firstTokenMs: 60_000 } });
    const controller = new AbortController();
    const stream = await client.messages.create({ ...params, stream: true }, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.type).toBe('message_start');
    controller.abort();
    await vitestWaitFor(() => messageRequests(sim)[0]?.clientClosed === true);
    expect(messageRequests(sim)[0]?.clientClosed).toBe(true);
    sim.setLatency({});
    const fast = await client.messages.stream(params).finalMessage();
    expect(fast.stop_reason).toBe('end_turn');
    expect(() => sim.setLatency({ tokensPerSecond: -1 })).toThrow('latency.tokensPerSecond: must be a non-negative number');
  });

  it('scripted faults answer only matching requests', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'status', status: 500 }, { match: { lastUserText: 'explode' }, times: 3 });
    expect((await client.messages.create(params)).type).toBe('message');
    expect(await errorOf(() => client.messages.create({ ...params, messages: [{ role: 'user', content: 'please explode' }] }))).toBeInstanceOf(Anthropic.InternalServerError);
  });

  it('enforces a rate limit with 429, retry-after and anthropic-ratelimit headers', async () => {
    let now = Date.parse('2026-11-01T00:00:00Z');
    const { client } = await start({ rateLimit: { requestsPerMinute: 2 }, now: () => now });
    const ok = await client.messages.create(params).withResponse();
    expect(ok.response.headers.get('anthropic-ratelimit-requests-limit')).toBe('2');
    expect(ok.response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('1');
    await client.messages.create(params);
    const error = await errorOf(() => client.messages.create(params));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.type).toBe('rate_limit_error');
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(error.headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    now += 61_000;
    expect((await client.messages.create(params)).type).toBe('message');
  });
});

/** Polls a condition the server sets asynchronously (a socket close reaches it a moment later). */
async function vitestWaitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
