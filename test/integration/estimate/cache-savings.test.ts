import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { startSimulator } from '../../../server/simulator';
import type { RunningSimulator } from '../../../server/simulator';
import { runCacheSavings } from '../../../shared/cache-savings';
import { factsCatalog } from '../../../shared/claude-models/model-catalog';
import type { TraceEvent } from '../../../shared/trace-events';
import { codeReviewWorkflow } from './code-review-workflow';

let simulator: RunningSimulator;
let claude: Anthropic;
let clock = Date.parse('2026-11-24T10:00:00Z');

beforeAll(async () => {
  simulator = await startSimulator({ now: () => clock });
  claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, maxRetries: 0 });
});

afterAll(async () => {
  await simulator.close();
});

async function run(runId: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(codeReviewWorkflow(), { diff: 'function add(a, b) { return a - b; }' }, { claude, runId })) events.push(event);
  return events;
}

function usageOf(events: TraceEvent[], nodeId: string) {
  const completed = events.find((event) => event.type === 'node.completed' && event.nodeId === nodeId);
  if (completed?.type !== 'node.completed' || !completed.data.usage) throw new Error(`no usage for ${nodeId}`);
  return completed.data.usage;
}

describe('prompt-cache savings on the simulator', () => {
  it('writes the cached system prompt on the first run, reads it on the second and reports a positive saving', async () => {
    const first = await run('run_first');
    expect(first.at(-1)?.type).toBe('run.completed');
    const written = usageOf(first, 'review').cache_creation_input_tokens;
    expect(written).toBeGreaterThanOrEqual(factsCatalog().find('claude-sonnet-4-6')?.facts?.min_cache_tokens ?? Infinity);
    const firstSavings = runCacheSavings(first);
    expect(firstSavings.total.saved_usd).toBe(0);
    // Writing costs a premium, so the first run alone is a (small) loss.
    expect(firstSavings.total.net_usd).toBeLessThan(0);

    clock += 60_000; // within the 5-minute TTL
    const second = await run('run_second');
    const read = usageOf(second, 'review').cache_read_input_tokens;
    expect(read).toBe(written);
    const savings = runCacheSavings(second);
    const review = savings.nodes.find((node) => node.nodeId === 'review');
    // Sonnet 4.6 input costs $3/M; a read costs 0.1× of that, so each read token saves $2.7/M.
    expect(review?.saved_usd).toBeCloseTo((read * 3 * 0.9) / 1_000_000, 12);
    expect(savings.total.saved_usd).toBeGreaterThan(0);
    expect(savings.total.net_usd).toBeGreaterThan(0);
    // The summary node has no cache breakpoint: it neither reads nor saves.
    expect(savings.nodes.find((node) => node.nodeId === 'summary')?.saved_usd).toBe(0);
  });

  it('stops reading once the 5-minute TTL has passed', async () => {
    clock += 10 * 60_000;
    const events = await run('run_expired');
    expect(usageOf(events, 'review').cache_read_input_tokens).toBe(0);
    expect(runCacheSavings(events).total.saved_usd).toBe(0);
  });
});
