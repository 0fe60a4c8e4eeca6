import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClaude, type ClaudeConnection } from '../../../server/claude';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { fakeClock } from './fake-clock';

const MODEL = 'claude-haiku-4-5';
let simulator: RunningSimulator | undefined;
let connection: ClaudeConnection | undefined;

afterEach(async () => {
  await connection?.close();
  await simulator?.close();
  connection = undefined;
  simulator = undefined;
});

function ask(claude: ClaudeConnection['client'], index: number) {
  return claude.messages.create({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: `Question ${index}` }] });
}

describe('createClaude installs the shared rate limiter', () => {
  it('queues a burst over TRELLIS_RATE_LIMIT_RPM instead of surfacing 429s from the API', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: 2 }, acceptKey: (key) => key === 'sk-ant-test' });
    connection = await createClaude({
      env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: simulator.url },
      maxRetries: 0,
      rateLimit: { defaults: { requestsPerMinute: 2 }, now: clock.now, timers: clock.timers },
    });
    const calls = [0, 1, 2].map((index) => ask(connection!.client, index));
    const sim = simulator;
    await vi.waitFor(() => expect(sim.requests.filter((r) => r.path === '/v1/messages' && r.status === 200)).toHaveLength(2));
    expect(sim.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(2);
    clock.advance(60_000);
    await Promise.all(calls);
    expect(sim.requests.filter((r) => r.path === '/v1/messages').map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('can be turned off, and then the API answers the burst with 429', async () => {
    const clock = fakeClock();
    simulator = await startSimulator({ now: clock.now, rateLimit: { requestsPerMinute: 2 } });
    connection = await createClaude({ env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: simulator.url }, maxRetries: 0, rateLimit: false });
    const results = await Promise.allSettled([0, 1, 2].map((index) => ask(connection!.client, index)));
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect(simulator.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });
});
