import { describe, expect, it } from 'vitest';
import { createRateLimitedFetch } from '../../../server/ratelimit/create-rate-limited-fetch';
import { fakeClock } from '../../integration/ratelimit/fake-clock';

const URL_MESSAGES = 'http://api.test/v1/messages';

function body(model: string, text: string): RequestInit {
  return { method: 'POST', body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content: text }] }) };
}

function recordingFetch(reply: (index: number) => Response = () => new Response('{}')) {
  const sent: string[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push(String(init?.body ?? input));
    return reply(sent.length - 1);
  };
  return { sent, fetch };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createRateLimitedFetch', () => {
  it('holds requests that would exceed the tokens-per-minute budget until the window frees it', async () => {
    const clock = fakeClock();
    const base = recordingFetch();
    const limited = createRateLimitedFetch({ defaults: { tokensPerMinute: 100 }, now: clock.now, timers: clock.timers, fetch: base.fetch, estimateTokens: () => 60 });
    const first = limited(URL_MESSAGES, body('m', 'a'));
    const second = limited(URL_MESSAGES, body('m', 'b'));
    await first;
    await settle();
    expect(base.sent).toHaveLength(1);
    clock.advance(60_000);
    await second;
    expect(base.sent).toHaveLength(2);
  });

  it('keeps one queue per model: a saturated model does not hold back another', async () => {
    const clock = fakeClock();
    const base = recordingFetch();
    const limited = createRateLimitedFetch({ models: { slow: { requestsPerMinute: 1 } }, now: clock.now, timers: clock.timers, fetch: base.fetch });
    await limited(URL_MESSAGES, body('slow', 'a'));
    const queued = limited(URL_MESSAGES, body('slow', 'b'));
    await limited(URL_MESSAGES, body('fast', 'c'));
    expect(limited.queued()).toEqual({ slow: 1, fast: 0 });
    clock.advance(60_000);
    await queued;
    expect(base.sent).toHaveLength(3);
  });

  it('blocks a model for retry-after-ms after a 429 from elsewhere', async () => {
    const clock = fakeClock();
    const base = recordingFetch((index) => (index === 0 ? new Response('{}', { status: 429, headers: { 'retry-after-ms': '5000' } }) : new Response('{}')));
    const limited = createRateLimitedFetch({ now: clock.now, timers: clock.timers, fetch: base.fetch });
    expect((await limited(URL_MESSAGES, body('m', 'a'))).status).toBe(429);
    const retry = limited(URL_MESSAGES, body('m', 'a'));
    await settle();
    expect(base.sent).toHaveLength(1);
    clock.advance(4_999);
    await settle();
    expect(base.sent).toHaveLength(1);
    clock.advance(1);
    expect((await retry).status).toBe(200);
  });

  it('passes other endpoints straight through, even when the model is saturated', async () => {
    const clock = fakeClock();
    const base = recordingFetch();
    const limited = createRateLimitedFetch({ defaults: { requestsPerMinute: 1 }, now: clock.now, timers: clock.timers, fetch: base.fetch });
    await limited(URL_MESSAGES, body('m', 'a'));
    await limited('http://api.test/v1/messages/count_tokens', body('m', 'b'));
    await limited('http://api.test/v1/messages/batches', { method: 'POST', body: '{"requests":[]}' });
    expect(base.sent).toHaveLength(3);
  });
});
