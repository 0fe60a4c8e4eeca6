import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringifyWorkflow } from '../../../shared/format';
import { openStore } from '../../../server/store/open-store';
import { seedWorkflows } from '../../../server/store/seed-workflows';
import { chainWorkflow } from './helpers/fixture-workflows';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

const put = (path: string, body: unknown) => app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const del = (path: string) => app.request(path, { method: 'DELETE', headers: { 'content-type': 'application/json' } });

describe('workflows CRUD', () => {
  it('creates, reads, lists, replaces and deletes a workflow, stored in canonical form', async () => {
    const created = await app.postJson('/api/workflows', chainWorkflow());
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/workflows/chain');
    expect(app.store.workflows.get('chain')?.json).toBe(stringifyWorkflow(chainWorkflow()));

    const read = (await (await app.request('/api/workflows/chain')).json()) as { workflow: { name: string } };
    expect(read.workflow).toEqual(chainWorkflow());
    const list = (await (await app.request('/api/workflows')).json()) as { workflows: { id: string; name: string; nodeCount: number }[] };
    expect(list.workflows).toEqual([expect.objectContaining({ id: 'chain', name: 'Draft and polish', nodeCount: 4, description: 'Two prompts in a chain.' })]);

    const renamed = { ...chainWorkflow(), name: 'Renamed' };
    expect((await put('/api/workflows/chain', renamed)).status).toBe(200);
    expect(((await (await app.request('/api/workflows/chain')).json()) as { workflow: { name: string } }).workflow.name).toBe('Renamed');

    expect((await del('/api/workflows/chain')).status).toBe(204);
    expect((await app.request('/api/workflows/chain')).status).toBe(404);
    expect((await del('/api/workflows/chain')).status).toBe(404);
  });

  it('refuses a duplicate id (409) naming the id, a document it cannot store (400 with issues), a mismatched or unknown PUT', async () => {
    await app.postJson('/api/workflows', chainWorkflow());
    const duplicate = await app.postJson('/api/workflows', chainWorkflow());
    expect(duplicate.status).toBe(409);
    const clash = (await duplicate.json()) as { error: { type: string; message: string; details: { id: string } } };
    expect(clash.error).toMatchObject({ type: 'conflict', details: { id: 'chain' } });
    expect(clash.error.message).not.toContain('PUT');

    for (const unstorable of [{ format: 'nope' }, { ...chainWorkflow(), id: 'Not An Id!' }, { ...chainWorkflow('noname'), name: 7 }, { ...chainWorkflow('nonodes'), nodes: 'none' }]) {
      const refused = await app.postJson('/api/workflows', unstorable);
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { error: { type: string; details: { errors: { rule: string; path: string }[] } } };
      expect(body.error.type).toBe('invalid_workflow');
      expect(body.error.details.errors.length).toBeGreaterThan(0);
    }
    expect(app.store.workflows.count()).toBe(1);

    expect((await put('/api/workflows/chain', chainWorkflow('different'))).status).toBe(400);
    expect((await put('/api/workflows/ghost', chainWorkflow('ghost'))).status).toBe(404);
    expect(app.store.workflows.get('chain')?.json).toBe(stringifyWorkflow(chainWorkflow()));
  });

  it('stores a workflow with validation errors flagged invalid, lists it with its error count, and refuses to run it', async () => {
    const halfBuilt = { ...chainWorkflow('half'), edges: [] };
    const created = await app.postJson('/api/workflows', halfBuilt);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { valid: boolean; errors: { rule: string }[] };
    expect(body.valid).toBe(false);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(JSON.parse(app.store.workflows.get('half')?.json ?? 'null')).toEqual(halfBuilt);

    const list = (await (await app.request('/api/workflows')).json()) as { workflows: { id: string; errorCount: number }[] };
    expect(list.workflows).toEqual([expect.objectContaining({ id: 'half', errorCount: body.errors.length })]);

    const run = await app.postJson('/api/runs', { workflowId: 'half', input: {} });
    expect(run.status).toBe(400);
    const refusal = (await run.json()) as { error: { type: string; message: string } };
    expect(refusal.error.type).toBe('invalid_workflow');
    expect(refusal.error.message).toContain('The workflow is invalid');

    // Fixed and saved again: valid, listed without errors, and it runs.
    const fixed = await put('/api/workflows/half', chainWorkflow('half'));
    expect(((await fixed.json()) as { valid: boolean }).valid).toBe(true);
    const relisted = (await (await app.request('/api/workflows')).json()) as { workflows: { errorCount: number }[] };
    expect(relisted.workflows[0]?.errorCount).toBe(0);
    expect((await app.postJson('/api/runs', { workflowId: 'half', input: { topic: 'tea' } })).status).toBe(202);
  });

  it('validates without storing: {valid, errors, warnings}', async () => {
    const ok = (await (await app.postJson('/api/workflows/validate', chainWorkflow())).json()) as { valid: boolean; errors: unknown[] };
    expect(ok).toMatchObject({ valid: true, errors: [] });
    const unknownModel = { ...chainWorkflow(), defaults: { model: 'claude-imaginary-9', max_tokens: 256 } };
    const warned = (await (await app.postJson('/api/workflows/validate', unknownModel)).json()) as { valid: boolean; warnings: { rule: string }[] };
    expect(warned.valid).toBe(true);
    expect(warned.warnings.length).toBeGreaterThan(0);
    const bad = (await (await app.postJson('/api/workflows/validate', { format: 'nope' })).json()) as { valid: boolean; errors: unknown[] };
    expect(bad.valid).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(app.store.workflows.count()).toBe(0);
  });

  it('GET /api/health and /api/models describe the backend', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ ok: true, version: expect.any(String), claude: 'simulator' });
    const models = (await (await app.request('/api/models')).json()) as { models: { id: string; max_tokens?: number }[]; source: string };
    // Offline (simulator) the catalogue is the facts table; only a real key lists the Models API.
    expect(models.source).toBe('facts');
    expect(models.models.map((model) => model.id)).toContain('claude-sonnet-4-6');
    expect(models.models.find((model) => model.id === 'claude-sonnet-4-6')?.max_tokens).toBe(128_000);
    expect(app.simulator!.requests.some((request) => request.path.startsWith('/v1/models'))).toBe(false);
  });
});

describe('seeding', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trellis-seed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds every example in workflows/ once; deleted examples do not come back', () => {
    const store = openStore(join(dir, 'seed.db'));
    const logs: string[] = [];
    const seeded = seedWorkflows(store, 'workflows', (line) => logs.push(line));
    expect(seeded.length).toBeGreaterThanOrEqual(7);
    expect(logs).toEqual([]);
    expect(store.workflows.get('support-triage')?.name).toBeTruthy();
    store.workflows.delete('support-triage');
    expect(seedWorkflows(store, 'workflows', (line) => logs.push(line))).toEqual([]);
    expect(store.workflows.get('support-triage')).toBeUndefined();
    store.close();
  });

  it('skips an invalid example with a message naming the file', () => {
    const folder = join(dir, 'examples');
    const store = openStore(join(dir, 'seed.db'));
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.json'), stringifyWorkflow(chainWorkflow()));
    writeFileSync(join(folder, 'broken.json'), '{"format": "trellis.workflow"');
    const logs: string[] = [];
    expect(seedWorkflows(store, folder, (line) => logs.push(line))).toEqual(['chain']);
    expect(logs.join('\n')).toMatch(/broken\.json/);
    store.close();
  });
});
