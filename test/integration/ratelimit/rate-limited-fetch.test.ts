import Anthropic, { RateLimitError } from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRateLimitedFetch } from '../../../server/ratelimit/create-rate-limited-fetch';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { fakeClock } from './fake-clock';

const MODEL = 'claude-haiku-4-5';
const BURST = 12;
const RPM = 5;
let simulator: RunningSimulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

function ask(claude: Anthropic, index: number, signal?: AbortSignal) {
  return claude.messages.create({ model: MODEL, max_tokens: 32, messages: [{ role: 'user', content: `Ticket ${index}: my invoice is wrong.` }] }, signal ? { signal } : undefined);
}

function statuses(sim: RunningSimulator): number[] {
  return sim.requests.filter((request) => request.path === '/v1/messages').map((request) => request.status ?? 0);
}

describe('rate-limited fetch against the simulator enforcing requests per minute', () => {
  it('lets a burst of concurrent calls queue and all succeed with zero 429 responses', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: RPM } });
    const limited = createRateLimitedFetch({ defaults: { requestsPerMinute: RPM }, now: clock.now, timers: clock.timers });
    const claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, fetch: limited, maxRetries: 0 });

    const calls = Array.from({ length: BURST }, (_, index) => ask(claude, index));
    const sim = simulator;
    for (let sent = RPM; sent < BURST + RPM; sent += RPM) {
      const expected = Math.min(sent, BURST);
      await vi.waitFor(() => expect(statuses(sim).filter((status) => status === 200)).toHaveLength(expected));
      expect(limited.queued()[MODEL]).toBe(BURST - expected);
      // A minute later the window has room again.
      clock.advance(60_000);
    }
    const messages = await Promise.all(calls);
    expect(messages).toHaveLength(BURST);
    expect(statuses(sim)).toHaveLength(BURST);
    expect(statuses(sim).filter((status) => status === 429)).toEqual([]);
  });

  it('without the limiter the same burst sees 429s', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: RPM } });
    const claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, maxRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: BURST }, (_, index) => ask(claude, index)));
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(BURST - RPM);
    for (const result of rejected) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitError);
    expect(statuses(simulator).filter((status) => status === 429)).toHaveLength(BURST - RPM);
  });

  it('learns the limit from anthropic-ratelimit-* headers when none is configured', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: 2 } });
    const limited = createRateLimitedFetch({ now: clock.now, timers: clock.timers });
    const claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, fetch: limited, maxRetries: 0 });
    await ask(claude, 1); // the response says: limit 2, 1 remaining
    await ask(claude, 2);
    const third = ask(claude, 3);
    await vi.waitFor(() => expect(limited.queued()[MODEL]).toBe(1));
    expect(statuses(simulator)).toEqual([200, 200]);
    clock.advance(60_000);
    await third;
    expect(statuses(simulator)).toEqual([200, 200, 200]);
  });

  it('drops a queued request whose signal aborts, and the next one takes its place', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: 1 } });
    const limited = createRateLimitedFetch({ defaults: { requestsPerMinute: 1 }, now: clock.now, timers: clock.timers });
    const claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, fetch: limited, maxRetries: 0 });
    await ask(claude, 0);
    const controller = new AbortController();
    const abandoned = ask(claude, 1, controller.signal);
    const next = ask(claude, 2);
    await vi.waitFor(() => expect(limited.queued()[MODEL]).toBe(2));
    controller.abort();
    await expect(abandoned).rejects.toThrow(/abort/i);
    expect(limited.queued()[MODEL]).toBe(1);
    clock.advance(60_000);
    await next;
    const sent = simulator.requests.filter((request) => request.path === '/v1/messages');
    expect(sent).toHaveLength(2);
    expect(JSON.stringify(sent[1]?.body)).toContain('Ticket 2');
  });
});
