import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir, type TempDir } from '../../helpers/make-temp-dir';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { readRunEvents } from '../../helpers/read-sse';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startServerProcess, type ServerProcess } from '../../helpers/start-server-process';

interface OpenStream {
  status: number;
  headers: IncomingMessage['headers'];
  /** The error body when refused; empty for an accepted stream. */
  body: string;
  close(): void;
}

/** Opens GET /api/runs/:id/events and resolves at the status line, leaving an accepted stream open. */
function openStream(url: string, runId: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/runs/${runId}/events`, (res) => {
      const close = () => req.destroy();
      if (res.statusCode === 200) {
        res.resume();
        resolve({ status: 200, headers: res.headers, body: '', close });
        return;
      }
      let body = '';
      res.setEncoding('utf8').on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, close }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function healthLatency(url: string): Promise<number> {
  const started = performance.now();
  const answer = await httpJson<{ ok: boolean }>(`${url}/api/health`);
  expect(answer.body.ok).toBe(true);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const PER_RUN = 4;
const TOTAL = 6;

/** A run that stays live: the simulator waits 10 s a token, and the server is killed afterwards. */
async function startLiveRun(url: string): Promise<string> {
  const started = await httpJson<{ runId: string }>(`${url}/api/runs`, { body: { workflow: onePromptWorkflow(), input: { topic: 'tea' } } });
  expect(started.status).toBe(202);
  return started.body.runId;
}

describe('an SSE flood', () => {
  let dir: TempDir;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = makeTempDir('trellis-sse-flood');
    server = await startServerProcess(
      { TRELLIS_SSE_MAX_PER_RUN: String(PER_RUN), TRELLIS_SSE_MAX_TOTAL: String(TOTAL), TRELLIS_SIM_LATENCY: '10000' },
      { args: ['--port', '0', '--db', join(dir.path, 'trellis.db')] },
    );
  });
  afterAll(async () => {
    await server?.kill();
    dir?.remove();
  });

  it('refuses streams past the per-run and total limits with 503 too_many_streams, and frees slots on close', async () => {
    const first = await startLiveRun(server.url);
    const second = await startLiveRun(server.url);
    const open: OpenStream[] = [];
    for (let i = 0; i < PER_RUN; i++) open.push(await openStream(server.url, first));
    expect(open.map((stream) => stream.status)).toEqual(Array(PER_RUN).fill(200));

    const overRun = await openStream(server.url, first);
    expect(overRun.status).toBe(503);
    expect(overRun.headers['retry-after']).toBe('2');
    expect(JSON.parse(overRun.body)).toMatchObject({ error: { type: 'too_many_streams', message: expect.stringMatching(/limit is 4 per run/) } });

    for (let i = PER_RUN; i < TOTAL; i++) open.push(await openStream(server.url, second));
    expect(open.every((stream) => stream.status === 200)).toBe(true);
    const overTotal = await openStream(server.url, second);
    expect(overTotal.status).toBe(503);
    expect(JSON.parse(overTotal.body)).toMatchObject({ error: { type: 'too_many_streams', message: expect.stringMatching(/limit is 6 \(TRELLIS_SSE_MAX_TOTAL\)/) } });

    await healthLatency(server.url);
    // A reader that goes away gives its slot back.
    open.shift()?.close();
    let reopened: OpenStream | undefined;
    for (let attempt = 0; attempt < 50 && reopened?.status !== 200; attempt++) {
      reopened = await openStream(server.url, first);
      if (reopened.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reopened?.status).toBe(200);
    for (const stream of [...open, reopened as OpenStream]) stream.close();
  });

  it('replays a finished run of several pages to concurrent readers, every event once and in order', async () => {
    // input → 300 outputs: over 600 events, more than one 500-event replay page.
    const outputs = Array.from({ length: 300 }, (_, i) => ({ id: `out${i}`, type: 'output' as const, position: { x: 200, y: 10 * i }, config: { value: '{{input.topic}}' } }));
    const workflow: Workflow = { ...onePromptWorkflow(), nodes: [{ id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} }, ...outputs], edges: outputs.map((out) => ({ id: `e-${out.id}`, source: 'input', target: out.id })) };
    const { runId, events } = await runToTerminal(server.url, { workflow, input: { topic: 'tea' } });
    expect(events.length).toBeGreaterThan(600);
    const replays = await Promise.all(Array.from({ length: 3 }, () => readRunEvents(server.url, runId)));
    for (const replay of replays) expect(replay.map((event) => event.seq)).toEqual(events.map((event) => event.seq));
  });

  it('2,000 readers of a finished run are served or refused while /api/health keeps its idle latency', async () => {
    // No Claude node, so it finishes at once whatever the simulator's latency.
    const workflow: Workflow = {
      ...onePromptWorkflow(),
      nodes: [
        { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
        { id: 'result', type: 'output', position: { x: 200, y: 0 }, config: { value: '{{input.topic}}' } },
      ],
      edges: [{ id: 'e', source: 'input', target: 'result' }],
    };
    const { runId, terminal } = await runToTerminal(server.url, { workflow, input: { topic: 'tea' } });
    expect(terminal.type).toBe('run.completed');
    // Streams left from the first test close asynchronously; wait until a reader is accepted.
    for (let attempt = 0; attempt < 100; attempt++) {
      const probe = await openStream(server.url, runId);
      probe.close();
      if (probe.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await healthLatency(server.url));
    const flood = Array.from({ length: 2_000 }, () => openStream(server.url, runId));
    const busy: number[] = [];
    for (let i = 0; i < 10; i++) busy.push(await healthLatency(server.url));
    const answers = await Promise.all(flood);
    for (const answer of answers) answer.close();

    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].every((status) => status === 200 || status === 503), [...statuses].join()).toBe(true);
    // A finished run's stream ends after its replay, so most readers overlap little: whether any
    // is refused depends on timing, but each is answered and none stalls the others.
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    const ratio = median(busy) / median(idle);
    // Before the fix the flood stalled /api/health for about 13 s (over 10,000× idle). The bound is
    // loose on purpose: this same process also drives the 2,000 client sockets, on 2 shared cores,
    // so under CI load the healthy ratio has been seen at 25×.
    expect(ratio, `health median ${median(busy).toFixed(1)} ms during the flood vs ${median(idle).toFixed(1)} ms idle`).toBeLessThan(200);
  });
});
