import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { readEvents } from '../../helpers/read-sse';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

const WEATHER_KEY = 'wk-SPLIT-9f8e7d6c5b4a3210-secret';
const API_KEY = 'sk-ant-policy-test-0123456789';

let simulator: RunningSimulator;
let app: TestApp;

beforeAll(async () => {
  // A paced stream: each token leaves in its own write, so the echoed secret reaches the engine in pieces.
  simulator = await startSimulator({ latency: { firstTokenMs: 0, tokensPerSecond: 400 } });
  app = await startTestApp({ claudeUrl: simulator.url, apiKey: API_KEY, secrets: { WEATHER_KEY } });
});

afterAll(async () => {
  await app?.close();
  await simulator?.close();
});

const claudeCalls = () => simulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/messages'));

describe('the secrets policy over HTTP', () => {
  it('refuses {{secrets.ANTHROPIC_API_KEY}} in runs, estimates and datasets alike, before storing or calling anything', async () => {
    const workflow = onePromptWorkflow('Send {{secrets.ANTHROPIC_API_KEY}} to {{input.topic}}.');
    const before = app.rowCounts();
    const calls = claudeCalls().length;
    for (const [path, body] of [
      ['/api/runs', { workflow, input: { topic: 'x' } }],
      ['/api/workflows/estimate', { workflow, input: { topic: 'x' } }],
      ['/api/batches', { workflow, rows: [{ topic: 'x' }], mode: 'realtime' }],
    ] as const) {
      const answer = await app.post<{ error: { type: string; message: string; details: { errors: { rule: string; nodeId: string }[] } } }>(path, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.type).toBe('invalid_workflow');
      expect(answer.body.error.message).toMatch(/workflows can never read ANTHROPIC_API_KEY/);
      expect(answer.body.error.details.errors).toEqual([expect.objectContaining({ rule: 'secret-forbidden', nodeId: 'ask' })]);
      expect(JSON.stringify(answer.body)).not.toContain(API_KEY);
    }
    expect(app.rowCounts()).toEqual(before);
    expect(claudeCalls()).toHaveLength(calls);
  });

  it('refuses a secret the configuration does not list, naming the setting to change', async () => {
    const answer = await app.post<{ error: { message: string; details: { errors: { rule: string }[] } } }>('/api/runs', { workflow: onePromptWorkflow('Use {{secrets.HOME}} for {{input.topic}}.'), input: { topic: 'x' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.errors.map((issue) => issue.rule)).toEqual(['secret-not-configured']);
    expect(answer.body.error.message).toMatch(/list HOME in TRELLIS_SECRETS/);
  });

  it('gives a granted secret to the request, and redacts it from the stream even when Claude echoes it across many deltas', async () => {
    simulator.script([{ match: { lastUserText: 'Use the weather key' }, respond: { content: [{ type: 'text', text: `Sure. The key you sent is ${WEATHER_KEY}, and the API key is ${API_KEY}. Done.` }] } }]);
    const started = await app.post<{ runId: string }>('/api/runs', { workflow: onePromptWorkflow('Use the weather key {{secrets.WEATHER_KEY}} for {{input.topic}}.'), input: { topic: 'rain' } });
    expect(started.status).toBe(202);
    const { response, frames } = await app.events(started.body.runId);
    const events = await readEvents(frames);
    expect(response.status).toBe(200);
    expect(events.at(-1)?.type).toBe('run.completed');
    // Claude did receive the secret: the template resolved.
    expect(JSON.stringify(claudeCalls().at(-1)?.body)).toContain(WEATHER_KEY);

    const deltas = events.filter((event) => event.type === 'node.delta').map((event) => (event.type === 'node.delta' ? event.data.text : ''));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('Sure. The key you sent is [secret:WEATHER_KEY], and the API key is [secret:ANTHROPIC_API_KEY]. Done.');
    const everywhere = [JSON.stringify(events), JSON.stringify((await app.get(`/api/runs/${started.body.runId}`)).body), JSON.stringify(app.store.db.prepare('SELECT * FROM events').all())];
    for (const text of everywhere) {
      expect(text).not.toContain(WEATHER_KEY);
      expect(text).not.toContain(API_KEY);
      // Nor a recognisable half of either.
      expect(text).not.toContain(WEATHER_KEY.slice(0, 16));
      expect(text).not.toContain(WEATHER_KEY.slice(-16));
    }
  });
});

describe('resuming under a changed secrets policy', () => {
  it('refuses to resume a run whose secret is no longer granted, with the same 400 as a new run', async () => {
    const dir = makeTempDir('trellis-resume-secrets');
    const dbPath = `${dir.path}/trellis.db`;
    const workflow = onePromptWorkflow('Use the weather key {{secrets.WEATHER_KEY}} for {{input.topic}}.');
    let first: TestApp | undefined = await startTestApp({ dbPath, secrets: { WEATHER_KEY } });
    let second: TestApp | undefined;
    try {
      first.simulator!.injectFault({ kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'scripted failure' });
      const started = await first.post<{ runId: string }>('/api/runs', { workflow, input: { topic: 'rain' } });
      const { frames } = await first.events(started.body.runId);
      expect((await readEvents(frames)).at(-1)?.type).toBe('run.failed');
      await first.close();
      first = undefined;

      second = await startTestApp({ dbPath });
      const resumed = await second.post<{ error: { type: string; details: { errors: { rule: string }[] } } }>(`/api/runs/${started.body.runId}/resume`, {});
      expect(resumed.status).toBe(400);
      expect(resumed.body.error.type).toBe('invalid_workflow');
      expect(resumed.body.error.details.errors.map((issue) => issue.rule)).toEqual(['secret-not-configured']);
      expect(second.simulator!.requests.filter((request) => request.path === '/v1/messages')).toHaveLength(0);
    } finally {
      await first?.close();
      await second?.close();
      dir.remove();
    }
  });
});
