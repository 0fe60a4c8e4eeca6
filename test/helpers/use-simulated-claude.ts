import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorRequestLog } from '../../server/simulator';
import { startedInHook } from './started-in-hook';

export interface SimulatedClaude {
  /** The simulator this test file talks to; its request log and faults are reset before each test. */
  readonly sim: RunningSimulator;
  /** The real SDK client pointed at the simulator. */
  readonly claude: Anthropic;
  /** Every `POST /v1/messages` the simulator received in the current test. */
  messagePosts(): SimulatorRequestLog[];
}

/**
 * Starts one simulator for the test file (closed after it) and resets it before each test, so every
 * test sees only its own requests. Call at the top level of a test file.
 */
export function useSimulatedClaude(options: { maxRetries: number }): SimulatedClaude {
  let sim: RunningSimulator | undefined;
  let claude: Anthropic | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    claude = new Anthropic({ apiKey: 'sk-test', baseURL: sim.url, maxRetries: options.maxRetries });
  });
  afterAll(() => sim?.close());
  beforeEach(() => sim?.reset());
  return {
    get sim() {
      return startedInHook(sim, 'useSimulatedClaude().sim');
    },
    get claude() {
      return startedInHook(claude, 'useSimulatedClaude().claude');
    },
    messagePosts: () => startedInHook(sim, 'useSimulatedClaude().sim').requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages'),
  };
}
