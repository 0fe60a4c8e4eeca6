import { afterEach, describe, expect, it } from 'vitest';
import type { BatchJobDetail, BatchJobSummary } from '../../../server/batch/batch-job';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { ticket, triageWorkflow } from './helpers/triage-workflow';

interface ErrorAnswer {
  error: { type: string; message: string; details?: { path?: string } };
}

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function finishedJob(current: TestApp, id: string): Promise<BatchJobDetail> {
  for (;;) {
    const { status, body } = await current.get<{ job: BatchJobDetail }>(`/api/batches/${id}`);
    expect(status).toBe(200);
    if (body.job.status !== 'running') return body.job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const EMPTY_ROWS = new Set([7, 31]);
const HUGE_ROW = 20;
const MISSING_FIELD_ROW = 44;

describe('/api/batches', () => {
  it('runs a 50-row dataset as Message Batches, reports errored rows, files every row as a run and compares with realtime', { timeout: 60_000 }, async () => {
    app = await startTestApp();
    expect((await app.post('/api/workflows', triageWorkflow())).status).toBe(201);
    const rows = Array.from({ length: 50 }, (_, index) => (index === MISSING_FIELD_ROW ? { subject: 'no ticket' } : { ticket: EMPTY_ROWS.has(index) ? '' : index === HUGE_ROW ? '!?'.repeat(99_999) : ticket(index) }));

    const started = await app.post<{ batchJobId: string; job: BatchJobSummary }>('/api/batches', { workflowId: 'triage', rows, mode: 'batch' });
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ status: 'running', mode: 'batch', rowsTotal: 50, workflowId: 'triage' });
    const job = await finishedJob(app, started.body.batchJobId);

    expect(job).toMatchObject({ status: 'completed', rowsTotal: 50, rowsDone: 50, completed: 46, failed: 4 });
    expect(job.rows).toHaveLength(50);
    for (const index of EMPTY_ROWS) expect(job.rows?.[index]).toMatchObject({ row: index, status: 'failed', error: { nodeId: 'classify', message: expect.stringMatching(/empty/) } });
    expect(job.rows?.[HUGE_ROW]).toMatchObject({ status: 'failed', error: { nodeId: 'classify', type: 'invalid_request_error', status: 400, message: expect.stringMatching(/prompt is too long/) } });
    expect(job.rows?.[MISSING_FIELD_ROW]).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/ticket/) } });
    expect(job.rows?.[0]?.outputs?.result).toMatchObject({ class: expect.any(String), reply: expect.any(String) });
    // Two layers: every classify call, then every reply.
    expect(job.batches.map((batch) => [batch.layer, batch.requests, batch.errored])).toEqual([
      [1, 47, 1],
      [2, 46, 0],
    ]);
    expect(job.costUsd).toBeGreaterThan(0);
    expect(job.compareCostUsd).toBeCloseTo(job.costUsd! * 2, 9);

    // Every row opens in the run history, with the row's outcome.
    const firstRun = await app.get<{ run: { status: string; workflowId: string } }>(`/api/runs/${job.rows?.[0]?.runId}`);
    expect(firstRun.body.run).toMatchObject({ status: 'completed', workflowId: 'triage' });
    const failedRun = await app.get<{ run: { status: string } }>(`/api/runs/${job.rows?.[HUGE_ROW]?.runId}`);
    expect(failedRun.body.run.status).toBe('failed');
    expect((await app.get<{ runs: unknown[] }>('/api/runs?workflowId=triage&limit=500')).body.runs).toHaveLength(50);

    const listed = await app.get<{ jobs: BatchJobSummary[] }>('/api/batches');
    expect(listed.body.jobs).toEqual([expect.objectContaining({ id: job.id, status: 'completed', completed: 46, failed: 4 })]);
    expect(listed.body.jobs[0]).not.toHaveProperty('rows');
  });

  it('runs CSV rows in realtime, each as a run in the history, priced against the batch price', async () => {
    app = await startTestApp();
    const csv = ['ticket', ...Array.from({ length: 5 }, (_, index) => `"${ticket(index)}, with a comma"`)].join('\r\n');
    const started = await app.post<{ batchJobId: string }>('/api/batches', { workflow: triageWorkflow('inline-triage'), csv, mode: 'realtime', concurrency: 2 });
    expect(started.status).toBe(202);
    const job = await finishedJob(app, started.body.batchJobId);
    expect(job).toMatchObject({ status: 'completed', mode: 'realtime', completed: 5, failed: 0, batches: [] });
    expect(job.compareCostUsd).toBeCloseTo(job.costUsd! / 2, 9);
    for (const row of job.rows ?? []) {
      const run = await app.get<{ run: { status: string; input: { ticket: string } } }>(`/api/runs/${row.runId}`);
      expect(run.body.run.status).toBe('completed');
      expect(run.body.run.input.ticket).toBe(`${ticket(row.row)}, with a comma`);
    }
  });

  it('cancels a running job: unfinished rows end canceled', async () => {
    app = await startTestApp({ simulator: { batchRequestMs: 60_000 } });
    const started = await app.post<{ batchJobId: string }>('/api/batches', { workflow: triageWorkflow(), rows: [{ ticket: ticket(1) }, { ticket: ticket(2) }] });
    // Wait until the first batch is in flight, then cancel.
    for (;;) {
      const { body } = await app.get<{ job: BatchJobDetail }>(`/api/batches/${started.body.batchJobId}`);
      if (body.job.progress?.batchId) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await app.post(`/api/batches/${started.body.batchJobId}/cancel`, {})).status).toBe(202);
    const job = await finishedJob(app, started.body.batchJobId);
    expect(job.status).toBe('canceled');
    expect(job.rows?.map((row) => row.status)).toEqual(['canceled', 'canceled']);
    const again = await app.post<ErrorAnswer>(`/api/batches/${job.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.type).toBe('not_running');
  });

  it('refuses bad requests with the path and rule, and starts nothing', async () => {
    app = await startTestApp();
    const workflow = triageWorkflow();
    const refused = async (body: unknown) => {
      const answer = await app!.post<ErrorAnswer>('/api/batches', body);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      return { status: answer.status, ...answer.body.error };
    };
    expect(await refused({ workflow, rows: [{ ticket: 'a' }], mode: 'later' })).toMatchObject({ status: 400, type: 'invalid_request', message: expect.stringMatching(/"mode"/) });
    expect(await refused({ workflow, rows: [{ ticket: 'a' }], csv: 'ticket\na' })).toMatchObject({ status: 400, type: 'invalid_request' });
    expect(await refused({ workflow, rows: [{ ticket: 'a' }, 'b'] })).toMatchObject({ status: 400, type: 'invalid_dataset', details: { path: '/rows/1' } });
    expect(await refused({ workflow, csv: 'ticket\n"unclosed' })).toMatchObject({ status: 400, type: 'invalid_dataset', message: expect.stringMatching(/^\/csv: /) });
    expect(await refused({ workflow, rows: [] })).toMatchObject({ status: 400, type: 'invalid_dataset' });
    expect(await refused({ workflow, rows: Array.from({ length: 10_001 }, () => ({ ticket: 't' })) })).toMatchObject({ status: 400, message: expect.stringMatching(/10001 rows; at most 10000/) });
    expect(await refused({ workflow, rows: [{ ticket: 'a' }], concurrency: 0 })).toMatchObject({ status: 400, type: 'invalid_request' });
    expect(await refused({ workflowId: 'missing', rows: [{ ticket: 'a' }] })).toMatchObject({ status: 404, type: 'not_found' });
    expect(await refused({ workflow: { ...workflow, nodes: [] }, rows: [{ ticket: 'a' }] })).toMatchObject({ status: 400, type: 'invalid_workflow' });
    expect((await app.get<ErrorAnswer>('/api/batches/bj_unknown')).status).toBe(404);
    expect((await app.get<{ jobs: unknown[] }>('/api/batches')).body.jobs).toEqual([]);
    expect((await app.get<{ runs: unknown[] }>('/api/runs')).body.runs).toEqual([]);
  });

  it('bounds the jobs running at once', async () => {
    app = await startTestApp({ simulator: { batchRequestMs: 60_000 }, maxRunningJobs: 1 });
    const body = { workflow: triageWorkflow(), rows: [{ ticket: 'a' }] };
    expect((await app.post('/api/batches', body)).status).toBe(202);
    const second = await app.post<ErrorAnswer>('/api/batches', body);
    expect(second.status).toBe(429);
    expect(second.body.error.type).toBe('too_many_jobs');
  });
});
