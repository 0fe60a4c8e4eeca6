import { join } from 'node:path';
import { makeTempDir, type TempDir } from '../../helpers/make-temp-dir';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringifyWorkflow } from '../../../shared/format';
import type { TraceEvent } from '../../../shared/trace-events';
import { ZERO_USAGE } from '../../../shared/usage';
import { openStore } from '../../../server/store/open-store';
import { chainWorkflow } from './helpers/fixture-workflows';
import { readEvents } from '../../helpers/read-sse';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

let app: TestApp | undefined;
let dir: TempDir | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  dir?.remove();
  dir = undefined;
});

const claudeCalls = (test: TestApp) => test.simulator!.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages');

describe('POST /api/runs/:id/cancel', () => {
  it('cancels a live run: it ends canceled and the simulator sees its request closed', async () => {
    // The first token never comes on its own: the run can only end by being canceled.
    app = await startTestApp({ simulator: { latency: { firstTokenMs: 600_000 } } });
    const started = await app.postJson('/api/runs', { workflow: chainWorkflow(), sample: 'tea' });
    const { runId } = (await started.json()) as { runId: string };
    const { frames } = await app.events(runId);
    await readEvents(frames, (event) => event.type === 'node.started' && event.nodeId === 'draft');
    await vi.waitFor(() => expect(claudeCalls(app!)).toHaveLength(1));

    const cancel = await app.postJson(`/api/runs/${runId}/cancel`, {});
    expect(cancel.status).toBe(202);
    const rest = await readEvents(frames);
    expect(rest.at(-1)?.type).toBe('run.canceled');
    expect(app.store.runs.get(runId)?.status).toBe('canceled');
    await vi.waitFor(() => expect(claudeCalls(app!)[0]?.clientClosed).toBe(true));

    const again = await app.postJson(`/api/runs/${runId}/cancel`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { type: 'not_running' } });
    expect((await app.postJson('/api/runs/run_missing/cancel', {})).status).toBe(404);
  });

  it('a dropped SSE connection does not cancel the run', async () => {
    app = await startTestApp();
    app.simulator!.setLatency({ firstTokenMs: 0, tokensPerSecond: 300 });
    const { runId } = (await (await app.postJson('/api/runs', { workflow: chainWorkflow(), sample: 'tea' })).json()) as { runId: string };
    const abort = new AbortController();
    await readEvents((await app.events(runId, { signal: abort.signal })).frames, (event) => event.type === 'node.delta');
    abort.abort();
    const events = await readEvents((await app.events(runId)).frames);
    expect(events.at(-1)?.type).toBe('run.completed');
  });
});

describe('interrupted runs', () => {
  it('a run left running becomes interrupted at start and resumes without repeating completed Claude calls', async () => {
    dir = makeTempDir('trellis-resume');
    const dbPath = join(dir.path, 'trellis.db');
    const workflow = chainWorkflow();
    const runId = 'run_crashed';
    // What a process that died mid-run leaves behind: input and draft done, polish started.
    const crashed = openStore(dbPath);
    crashed.runs.insert({ id: runId, workflowId: workflow.id, workflowJson: stringifyWorkflow(workflow), input: { topic: 'tea' }, createdAt: 1 });
    const usage = { ...ZERO_USAGE, input_tokens: 12, output_tokens: 4 };
    const draftOutput = { text: 'A STORED DRAFT about tea.', json: null, stop_reason: 'end_turn', usage, messages: [] };
    const history: TraceEvent[] = [
      { seq: 1, ts: 1, runId, type: 'run.started', data: { workflowId: workflow.id, input: { topic: 'tea' } } },
      { seq: 2, ts: 2, runId, type: 'node.started', nodeId: 'input', data: { nodeType: 'input', attempt: 1 } },
      { seq: 3, ts: 3, runId, type: 'node.completed', nodeId: 'input', data: { output: { topic: 'tea' }, duration_ms: 0 } },
      { seq: 4, ts: 4, runId, type: 'node.started', nodeId: 'draft', data: { nodeType: 'prompt', attempt: 1 } },
      { seq: 5, ts: 5, runId, type: 'node.completed', nodeId: 'draft', data: { output: draftOutput, usage, cost_usd: 0.0001, stop_reason: 'end_turn', model: 'claude-sonnet-4-6', duration_ms: 9 } },
      { seq: 6, ts: 6, runId, type: 'node.started', nodeId: 'polish', data: { nodeType: 'prompt', attempt: 1 } },
    ];
    crashed.commitEvents(history);
    crashed.close();

    app = await startTestApp({ dbPath });
    const before = (await (await app.request(`/api/runs/${runId}`)).json()) as { run: { status: string; note: string } };
    expect(before.run.status).toBe('interrupted');
    expect(before.run.note).toMatch(/server stopped/);
    // The log ends with a terminal event and the stream closes: a follower does not wait forever.
    const { frames } = await app.events(runId, { query: 'after=6' });
    expect(await readEvents(frames)).toMatchObject([{ seq: 7, type: 'run.interrupted', data: { reason: expect.stringMatching(/server stopped/), usage: { input_tokens: 12 } } }]);
    expect((await frames.next()).done).toBe(true);

    const resume = await app.postJson(`/api/runs/${runId}/resume`, {});
    expect(resume.status).toBe(202);
    expect(await resume.json()).toEqual({ runId });
    const events = await readEvents((await app.events(runId, { query: 'after=7' })).frames);
    expect(events[0]).toMatchObject({ seq: 8, type: 'run.started', data: { resumed: true } });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 8));
    expect(events.at(-1)?.type).toBe('run.completed');
    // Only polish called Claude, and it read the stored draft.
    expect(claudeCalls(app)).toHaveLength(1);
    expect(JSON.stringify(claudeCalls(app)[0]?.body)).toContain('A STORED DRAFT about tea.');
    expect(events.some((event) => event.type === 'node.started' && event.nodeId === 'draft')).toBe(false);
    expect(app.store.runs.get(runId)?.status).toBe('completed');

    const again = await app.postJson(`/api/runs/${runId}/resume`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { type: 'not_resumable' } });
  });

  it('a failed run resumes from its completed nodes', async () => {
    app = await startTestApp();
    app.simulator!.injectFault({ kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'scripted failure' }, { match: { lastUserText: 'Polish this text' } });
    const { runId } = (await (await app.postJson('/api/runs', { workflow: chainWorkflow(), sample: 'tea' })).json()) as { runId: string };
    const first = await readEvents((await app.events(runId)).frames);
    expect(first.at(-1)?.type).toBe('run.failed');
    expect(claudeCalls(app)).toHaveLength(2);

    expect((await app.postJson(`/api/runs/${runId}/resume`, {})).status).toBe(202);
    const second = await readEvents((await app.events(runId, { query: `after=${first.length}` })).frames);
    expect(second.at(-1)?.type).toBe('run.completed');
    expect(claudeCalls(app)).toHaveLength(3);
    expect(app.store.runs.get(runId)).toMatchObject({ status: 'completed', error: null });
  });
});
