import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json-schema';
import { loadWorkflow } from '../../../shared/format';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import type { ClaudeConnection } from '../../../server/claude';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { createClaudeForCassette, loadCassette } from '../../../server/replay';
import { startSimulator } from '../../../server/simulator';

const WORKFLOWS = join(import.meta.dirname, '../../../workflows');
const examples = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json')).sort();
// A key that must never reach a cassette: if any byte of it shows up in a file, the test fails.
const SENTINEL_KEY = 'sk-ant-api03-SENTINEL-never-in-a-cassette-7f3a9c';

const cassettes = mkdtempSync(join(tmpdir(), 'trellis-cassettes-'));
const recorded = new Map<string, TraceEvent[][]>();
let simulatorUrl = '';

function load(file: string): Workflow {
  const result = loadWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8'));
  if (!result.workflow) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.workflow;
}

function inputsOf(workflow: Workflow): Json[] {
  return workflow.samples?.length ? workflow.samples.map((sample) => sample.input) : [{}];
}

function cassettePath(file: string): string {
  return join(cassettes, file.replace(/\.json$/, '.cassette.json'));
}

// Concurrency 1 and no delta coalescing make the event order a function of the responses alone,
// so "identical" can be checked event by event rather than per node.
async function run(claude: Anthropic, workflow: Workflow, input: Json, runId: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, input, { claude, runId, filesRoot: WORKFLOWS, concurrency: 1, deltaFlushMs: 0 })) events.push(event);
  return events;
}

const TIMING_KEYS = new Set(['duration_ms', 'model_ms', 'engine_ms']);

function withoutTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTiming);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !TIMING_KEYS.has(key)).map(([key, item]) => [key, withoutTiming(item)]));
  }
  return value;
}

function comparable(events: TraceEvent[]): unknown[] {
  return events.map(({ ts: _ts, runId: _runId, ...rest }) => withoutTiming(rest));
}

beforeAll(async () => {
  const simulator = await startSimulator({ port: 0 });
  simulatorUrl = simulator.url;
  try {
    for (const file of examples) {
      const workflow = load(file);
      const base: ClaudeConnection = {
        client: new Anthropic({ apiKey: SENTINEL_KEY, baseURL: simulator.url }),
        mode: 'simulator',
        baseURL: simulator.url,
        close: async () => {},
      };
      const recording = await createClaudeForCassette({ record: cassettePath(file), base });
      // One cassette per workflow holds every sample's run, the way a CI suite would record it.
      const runs: TraceEvent[][] = [];
      for (const input of inputsOf(workflow)) runs.push(await run(recording.client, workflow, input, `run_record_${file}`));
      recorded.set(file, runs);
      await recording.close();
    }
  } finally {
    // Everything below runs with the simulator gone: replay must not need it.
    await simulator.close();
  }
});

afterAll(() => {
  recorded.clear();
});

describe('cassettes record every example on the simulator and replay it offline', () => {
  it('the simulator is really gone before any replay', async () => {
    await expect(fetch(`${simulatorUrl}/v1/models`)).rejects.toThrow();
  });

  it.each(examples)('%s replays every sample to identical outputs and trace events', async (file) => {
    const liveRuns = recorded.get(file) ?? [];
    const workflow = load(file);
    const inputs = inputsOf(workflow);
    expect(liveRuns).toHaveLength(inputs.length);
    const cassette = await loadCassette(cassettePath(file));
    expect(cassette.exchanges.length).toBeGreaterThan(0);

    const replay = await createClaudeForCassette({ replay: cassettePath(file) });
    expect(replay.mode).toBe('replay');
    for (const [index, input] of inputs.entries()) {
      const live = liveRuns[index] ?? [];
      expect(live.at(-1)?.type, JSON.stringify(live.at(-1)?.data)).toBe('run.completed');
      const replayed = await run(replay.client, workflow, input, `run_replay_${file}`);
      expect(replayed.at(-1)?.type).toBe('run.completed');
      expect(comparable(replayed)).toEqual(comparable(live));
      expect(replayed.at(-1)?.data).toMatchObject({ outputs: (live.at(-1)?.data as { outputs: Json }).outputs });
    }
    await replay.close();
  });

  it.each(examples)('%s cassette holds no API key and no auth header', (file) => {
    const text = readFileSync(cassettePath(file), 'utf8');
    expect(text).not.toContain(SENTINEL_KEY);
    expect(text).not.toContain('SENTINEL');
    expect(text.toLowerCase()).not.toMatch(/"(x-api-key|authorization)"/);
    const parsed = JSON.parse(text) as { format: string; version: number };
    expect([parsed.format, parsed.version]).toEqual(['trellis.cassette', 1]);
  });

  it('a workflow whose prompt changed fails on the unmatched request, naming it and the closest recorded one', async () => {
    const workflow = load('support-triage.json');
    const node = workflow.nodes.find((candidate) => candidate.id === 'refund_reply');
    if (node?.type !== 'prompt') throw new Error('support-triage.json lost its refund_reply prompt node');
    node.config.messages = [{ role: 'user', content: 'Draft a short apology to {{input.customer}} for: {{input.ticket}}' }];

    const replay = await createClaudeForCassette({ replay: cassettePath('support-triage.json') });
    const events = await run(replay.client, workflow, workflow.samples?.[0]?.input ?? {}, 'run_edited');
    const failed = events.find((event) => event.type === 'node.failed');
    expect(failed?.nodeId).toBe('refund_reply');
    const error = failed?.type === 'node.failed' ? failed.data.error : undefined;
    expect(error?.type).toBe('cassette_mismatch');
    expect(error?.status).toBe(400);
    expect(error?.message).toContain('No recorded exchange matches POST /v1/messages (model claude-sonnet-5-5, last user text "Draft a short apology to Dana');
    expect(error?.message).toContain('Closest recorded request: POST /v1/messages (model claude-sonnet-5-5, last user text "Write a reply to Dana');
    expect(error?.message).toMatch(/differs first at request\.body\.messages\[0\]\.content/);
    expect(events.at(-1)?.type).toBe('run.failed');
  });

  it('a run that makes more identical calls than were recorded fails clearly', async () => {
    const workflow = load('support-triage.json');
    const replay = await createClaudeForCassette({ replay: cassettePath('support-triage.json') });
    const first = await run(replay.client, workflow, workflow.samples?.[0]?.input ?? {}, 'run_once');
    expect(first.at(-1)?.type).toBe('run.completed');
    // The cassette holds this sample's calls once; asking again must not silently reuse them.
    const second = await run(replay.client, workflow, workflow.samples?.[0]?.input ?? {}, 'run_twice');
    const failed = second.find((event) => event.type === 'node.failed');
    expect(failed?.type === 'node.failed' ? failed.data.error.message : '').toMatch(/recorded POST \/v1\/messages .* 1 time\(s\) and the run asked for it once more/);
  });
});
