import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { chainWorkflow } from './helpers/fixture-workflows';
import { readEvents } from '../../helpers/read-sse';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
  await app.postJson('/api/workflows', chainWorkflow());
});
afterEach(() => app.close());

async function startRun(input: unknown = { topic: 'green tea' }): Promise<string> {
  const response = await app.postJson('/api/runs', { workflowId: 'chain', input });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

const seqs = (events: TraceEvent[]) => events.map((event) => event.seq);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('GET /api/runs/:id/events', () => {
  it('streams a run frame by frame to run.completed with SSE headers, seq ids and the stored events', async () => {
    const runId = await startRun();
    const { response, frames } = await app.events(runId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-encoding')).toBeNull();

    const events = await readEvents(frames);
    expect(events[0]).toMatchObject({ type: 'run.started', seq: 1, runId });
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(seqs(events)).toEqual(range(events.length));
    const draft = events.filter((event) => event.type === 'node.delta' && event.nodeId === 'draft').map((event) => (event.type === 'node.delta' ? event.data.text : '')).join('');
    const completed = events.find((event) => event.type === 'node.completed' && event.nodeId === 'draft');
    expect(completed?.type === 'node.completed' && (completed.data.output as { text: string }).text).toBe(draft);

    // The stream closes after the terminal event, and it is exactly what SQLite holds.
    expect(await readEvents(frames)).toEqual([]);
    expect(app.store.events.after(runId, 0)).toEqual(events);
    const detail = (await (await app.request(`/api/runs/${runId}`)).json()) as { run: { status: string; outputs: Record<string, string> }; nodes: { nodeId: string; status: string }[] };
    expect(detail.run.status).toBe('completed');
    expect(detail.run.outputs.result?.length).toBeGreaterThan(0);
    expect(detail.nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['input', 'completed'],
      ['draft', 'completed'],
      ['polish', 'completed'],
      ['result', 'completed'],
    ]);
  });

  it('after a disconnect mid-run, Last-Event-ID resumes the stream and every event arrives exactly once', async () => {
    // Slow tokens keep the run live while the first connection is dropped.
    app.simulator!.setLatency({ firstTokenMs: 0, tokensPerSecond: 200 });
    const runId = await startRun();
    const abort = new AbortController();
    const first = await app.events(runId, { signal: abort.signal });
    const before = await readEvents(first.frames, (event) => event.type === 'node.delta');
    abort.abort();
    expect(before.at(-1)?.type).toBe('node.delta');
    expect(app.runs.isLive(runId)).toBe(true);

    const second = await app.events(runId, { headers: { 'Last-Event-ID': String(before.at(-1)!.seq) } });
    const after = await readEvents(second.frames);
    const all = [...before, ...after];
    expect(all.at(-1)?.type).toBe('run.completed');
    expect(seqs(all)).toEqual(range(all.length));
    expect(app.store.runs.get(runId)?.status).toBe('completed');
  });

  it('?after= replays only later events, and a finished run replays and closes', async () => {
    const runId = await startRun();
    const all = await readEvents((await app.events(runId)).frames);
    const tail = await readEvents((await app.events(runId, { query: 'after=3' })).frames);
    expect(seqs(tail)).toEqual(seqs(all).slice(3));
    const nothing = await app.events(runId, { query: `after=${all.length}` });
    // readEvents returns only when the server closes the stream.
    expect(await readEvents(nothing.frames)).toEqual([]);
  });

  it('serves 20 concurrent runs, each stream complete and in order', async () => {
    const runIds = await Promise.all(Array.from({ length: 20 }, (_, i) => startRun({ topic: `topic ${i}` })));
    expect(new Set(runIds).size).toBe(20);
    const streams = await Promise.all(runIds.map(async (runId) => ({ runId, events: await readEvents((await app.events(runId)).frames) })));
    for (const { runId, events } of streams) {
      expect(events.every((event) => event.runId === runId)).toBe(true);
      expect(seqs(events)).toEqual(range(events.length));
      expect(events.at(-1)?.type).toBe('run.completed');
      expect(app.store.runs.get(runId)?.status).toBe('completed');
    }
    expect(app.simulator!.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages')).toHaveLength(40);
  });

  it('sends heartbeat comments while a run is idle', async () => {
    await app.close();
    app = await startTestApp({ heartbeatMs: 20, simulator: { latency: { firstTokenMs: 60_000 } } });
    await app.postJson('/api/workflows', chainWorkflow());
    const runId = await startRun();
    const { frames } = await app.events(runId);
    const seen: string[] = [];
    for await (const frame of frames) {
      seen.push(frame.comment ?? frame.event ?? 'retry');
      if (frame.comment === 'heartbeat') break;
    }
    expect(seen).toContain('heartbeat');
    expect(app.runs.isLive(runId)).toBe(true);
  });

  it('answers 404 JSON for an unknown run and 400 for a malformed Last-Event-ID', async () => {
    const missing = await app.request('/api/runs/run_nope/events');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: 'not_found' } });
    const runId = await startRun();
    const bad = await app.request(`/api/runs/${runId}/events`, { headers: { 'Last-Event-ID': 'abc' } });
    expect(bad.status).toBe(400);
  });
});
