import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowEstimate } from '../../../server/estimate/estimate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { triageWorkflow } from './helpers/triage-workflow';

type EstimateAnswer = WorkflowEstimate & { workflowId: string; batch: boolean };
interface ErrorAnswer {
  error: { type: string; message: string; details?: { errors?: { path: string; rule: string; nodeId?: string }[] } };
}
interface RunDetail {
  run: { status: string; live: boolean };
  nodes: { nodeId: string; usage: { input_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number } | null }[];
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  expect((await app.post('/api/workflows', triageWorkflow())).status).toBe(201);
});
afterAll(() => app.close());

async function finishedRun(runId: string): Promise<RunDetail> {
  for (;;) {
    const { body } = await app.get<RunDetail>(`/api/runs/${runId}`);
    if (!body.run.live && body.run.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function inputOf(usage: RunDetail['nodes'][number]['usage']): number {
  return (usage?.input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0);
}

describe('POST /api/workflows/estimate', () => {
  it('counts what the simulator then counts for the real run, and stores nothing', async () => {
    const estimate = await app.post<EstimateAnswer>('/api/workflows/estimate', { workflowId: 'triage', sample: 'refund' });
    expect(estimate.status).toBe(200);
    expect(estimate.body.nodes.map((node) => node.nodeId)).toEqual(['classify', 'reply']);
    expect((await app.get<{ runs: unknown[] }>('/api/runs')).body.runs).toEqual([]);

    const [classify, reply] = estimate.body.nodes;
    // classify reads only the input: both scenarios are the same request.
    expect(classify?.input_tokens).toBeGreaterThan(10);
    expect(classify?.input_tokens_min).toBe(classify?.input_tokens);
    // reply reads classify's answer: 1 token at least, max_tokens (120) at most.
    expect(reply!.input_tokens - reply!.input_tokens_min).toBeGreaterThan(100);
    expect(estimate.body.total.input_tokens).toBe(classify!.input_tokens + reply!.input_tokens);
    expect(estimate.body.total.cost_min_usd).toBeGreaterThan(0);
    expect(estimate.body.total.cost_max_usd).toBeGreaterThan(estimate.body.total.cost_min_usd ?? Number.NaN);

    const started = await app.post<{ runId: string }>('/api/runs', { workflowId: 'triage', sample: 'refund' });
    const run = await finishedRun(started.body.runId);
    expect(run.run.status).toBe('completed');
    const used = (nodeId: string) => inputOf(run.nodes.find((node) => node.nodeId === nodeId)?.usage ?? null);
    expect(used('classify')).toBe(classify?.input_tokens);
    expect(used('reply')).toBeGreaterThanOrEqual(reply!.input_tokens_min);
    expect(used('reply')).toBeLessThanOrEqual(reply!.input_tokens);
  });

  it('prices an inline workflow as a batch at half, and warns near the context window', async () => {
    const input = { ticket: '!?'.repeat(90_000) };
    const realtime = await app.post<EstimateAnswer>('/api/workflows/estimate', { workflow: triageWorkflow('inline'), input });
    const batch = await app.post<EstimateAnswer>('/api/workflows/estimate', { workflow: triageWorkflow('inline'), input, batch: true });
    expect(batch.body.batch).toBe(true);
    expect(batch.body.total.cost_max_usd).toBeCloseTo((realtime.body.total.cost_max_usd ?? Number.NaN) / 2, 9);
    expect(realtime.body.nodes[0]?.warnings.join('\n')).toMatch(/over 80% of the 200000-token context window/);
  });

  it('refuses an invalid workflow or input with the issues, and stores nothing', async () => {
    const broken: Workflow = triageWorkflow('broken');
    broken.nodes[2] = { ...broken.nodes[2]!, config: { messages: [{ role: 'user', content: '{{nowhere.text}}' }] } } as Workflow['nodes'][number];
    const invalid = await app.post<ErrorAnswer>('/api/workflows/estimate', { workflow: broken, input: { ticket: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.type).toBe('invalid_workflow');
    expect(invalid.body.error.details?.errors?.[0]).toMatchObject({ nodeId: 'reply', path: expect.stringMatching(/^\/nodes\/2\/config\/messages\/0/) });

    const badInput = await app.post<ErrorAnswer>('/api/workflows/estimate', { workflowId: 'triage', input: { ticket: 42 } });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error.type).toBe('invalid_input');
    expect(badInput.body.error.details?.errors?.[0]?.path).toBe('/ticket');

    expect((await app.post<ErrorAnswer>('/api/workflows/estimate', { workflowId: 'nope' })).status).toBe(404);
    expect((await app.post<ErrorAnswer>('/api/workflows/estimate', { workflowId: 'triage', sample: 'missing' })).body.error.type).toBe('invalid_input');
    expect((await app.post<ErrorAnswer>('/api/workflows/estimate', { workflowId: 'triage', batch: 'yes' })).body.error.type).toBe('invalid_request');
    expect((await app.post<ErrorAnswer>('/api/workflows/estimate', { workflowId: 'triage', workflow: triageWorkflow() })).body.error.type).toBe('invalid_request');
    const text = await fetch(`${app.url}/api/workflows/estimate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);

    expect((await app.get<{ workflows: { id: string }[] }>('/api/workflows')).body.workflows.map((workflow) => workflow.id)).toEqual(['triage']);
  });
});
