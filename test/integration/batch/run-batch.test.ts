import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../../server/batch/batch-report';
import { runBatch } from '../../../server/batch/run-batch';
import { runRealtime } from '../../../server/batch/run-realtime';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { ticket, triageWorkflow } from '../production-http/helpers/triage-workflow';
import { buildEnvironment } from '../../../server/environment';

const folder = mkdtempSync(join(tmpdir(), 'trellis-batch-'));
let simulator: RunningSimulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function connect(batchRequestMs: number): Promise<{ sim: RunningSimulator; claude: Anthropic }> {
  simulator = await startSimulator({ batchRequestMs });
  return { sim: simulator, claude: new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, maxRetries: 0 }) };
}

function count(sim: RunningSimulator, method: string, path: RegExp): number {
  return sim.requests.filter((request) => request.method === method && path.test(request.path)).length;
}

const BATCH_CREATE = /^\/v1\/messages\/batches$/;
const EMPTY_ROWS = new Set([17, 333, 998]);
// Haiku 4.5 has a 200k-token window and punctuation costs a token per mark: these tickets stay
// under the input length limit (200,000 characters) but make a request the API rejects.
const HUGE_ROWS = new Set([500, 501]);
const HUGE_TICKET = '!?'.repeat(99_999);

describe('runBatch on the simulator', () => {
  it('runs 1,000 rows in one batch per layer, reports errored rows and costs half the realtime price', { timeout: 180_000 }, async () => {
    const { sim, claude } = await connect(0);
    const rows = Array.from({ length: 1000 }, (_, index) => ({ ticket: EMPTY_ROWS.has(index) ? '' : HUGE_ROWS.has(index) ? HUGE_TICKET : ticket(index) }));
    const progress: BatchProgress[] = [];

    const batch = await runBatch(triageWorkflow(), rows, { environment: buildEnvironment({ claude }), pollMs: 5, onProgress: (update) => progress.push(update) });

    expect(batch.rows).toHaveLength(1000);
    expect(batch.completed).toBe(995);
    expect(batch.failed).toBe(5);
    expect(batch.interrupted).toBe(false);
    for (const index of EMPTY_ROWS) {
      expect(batch.rows[index]).toMatchObject({ status: 'failed', error: { nodeId: 'classify', message: expect.stringMatching(/rendered to empty text/) } });
      expect(batch.rows[index]?.skipped.map((skip) => skip.nodeId)).toEqual(['reply', 'result']);
    }
    for (const index of HUGE_ROWS) {
      expect(batch.rows[index]).toMatchObject({ status: 'failed', error: { nodeId: 'classify', type: 'invalid_request_error', status: 400, message: expect.stringMatching(/prompt is too long/) } });
      expect(batch.rows[index]?.skipped[0]).toEqual({ nodeId: 'reply', reason: 'upstream node "classify" failed' });
    }
    expect(batch.rows[0]?.outputs?.result).toMatchObject({ class: expect.any(String), reply: expect.any(String) });

    // Layer 1: every classify call that can be made (995 good + 2 huge); layer 2: the replies.
    expect(batch.batches.map((summary) => [summary.layer, summary.requests, summary.succeeded, summary.errored])).toEqual([
      [1, 997, 995, 2],
      [2, 995, 995, 0],
    ]);
    expect(count(sim, 'POST', BATCH_CREATE)).toBe(2);
    expect(count(sim, 'POST', /^\/v1\/messages$/)).toBe(0);
    expect(sim.requests.filter((request) => request.method === 'POST' && BATCH_CREATE.test(request.path)).map((request) => (request.body as { requests: { custom_id: string }[] }).requests[0]?.custom_id)).toEqual(['r0-classify', 'r0-reply']);
    expect(progress.filter((update) => update.phase === 'ended').map((update) => update.layer)).toEqual([1, 2]);

    const realtime = await runRealtime(triageWorkflow(), rows, { environment: buildEnvironment({ claude }), concurrency: 16 });
    expect(count(sim, 'POST', /^\/v1\/messages$/)).toBe(997 + 995);
    expect(realtime.completed).toBe(995);
    expect(realtime.rows.map((row) => row.status)).toEqual(batch.rows.map((row) => row.status));
    expect(realtime.usage).toEqual(batch.usage);
    expect(batch.cost_usd).toBeGreaterThan(0);
    expect(batch.cost_usd).toBeCloseTo((realtime.cost_usd ?? Number.NaN) / 2, 9);
    expect(batch.compare_cost_usd).toBeCloseTo(realtime.cost_usd ?? Number.NaN, 9);
  });

  it.each([1, 2])('resumes after an interruption while polling layer %i without re-submitting finished or submitted layers', async (interruptedLayer) => {
    const { sim, claude } = await connect(100);
    const rows = Array.from({ length: 5 }, (_, index) => ({ ticket: ticket(index) }));
    const statePath = join(folder, `resume-${interruptedLayer}.json`);
    const controller = new AbortController();

    const first = await runBatch(triageWorkflow(), rows, {
      environment: buildEnvironment({ claude }),
      statePath,
      pollMs: 10,
      signal: controller.signal,
      // The first wait between polls of the chosen layer is where the "process" dies.
      onProgress: (update) => {
        if (update.phase === 'polling' && update.layer === interruptedLayer) controller.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.rows.every((row) => row.status === 'canceled')).toBe(true);
    expect(count(sim, 'POST', BATCH_CREATE)).toBe(interruptedLayer);

    const second = await runBatch(triageWorkflow(), rows, { environment: buildEnvironment({ claude }), statePath, pollMs: 10 });
    expect(second.interrupted).toBe(false);
    expect(second.completed).toBe(5);
    // One create per layer over both attempts: the interrupted layer was re-polled, not re-sent.
    expect(count(sim, 'POST', BATCH_CREATE)).toBe(2);
    expect(second.batches.find((summary) => summary.layer === interruptedLayer)?.resumed).toBe(true);

    // A third run with the finished state file answers everything from it: no batch traffic at all.
    const before = sim.requests.length;
    const third = await runBatch(triageWorkflow(), rows, { environment: buildEnvironment({ claude }), statePath, pollMs: 10 });
    expect(sim.requests.length).toBe(before);
    expect(third.rows.map((row) => row.outputs)).toEqual(second.rows.map((row) => row.outputs));
    expect(third.cost_usd).toBeCloseTo(second.cost_usd ?? Number.NaN, 12);
  });

  it('submits again the requests of a batch the API no longer knows (e.g. another simulator)', async () => {
    const first = await connect(100);
    const rows = Array.from({ length: 3 }, (_, index) => ({ ticket: ticket(index) }));
    const statePath = join(folder, 'lost.json');
    const controller = new AbortController();
    await runBatch(triageWorkflow(), rows, { environment: buildEnvironment({ claude: first.claude }), statePath, pollMs: 10, signal: controller.signal, onProgress: (update) => update.phase === 'polling' && controller.abort() });
    await first.sim.close();

    const { sim, claude } = await connect(0);
    const report = await runBatch(triageWorkflow(), rows, { environment: buildEnvironment({ claude }), statePath, pollMs: 5 });
    expect(report.completed).toBe(3);
    expect(sim.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/v1/messages/batches/')).map((request) => request.status)).toContain(404);
    expect(count(sim, 'POST', BATCH_CREATE)).toBe(2);
  });

  it('refuses a state file written for another dataset', async () => {
    const { claude } = await connect(0);
    const statePath = join(folder, 'other.json');
    await runBatch(triageWorkflow(), [{ ticket: ticket(1) }], { environment: buildEnvironment({ claude }), statePath, pollMs: 5 });
    await expect(runBatch(triageWorkflow(), [{ ticket: ticket(2) }], { environment: buildEnvironment({ claude }), statePath, pollMs: 5 })).rejects.toThrow(/belongs to a different workflow or dataset/);
  });
});
