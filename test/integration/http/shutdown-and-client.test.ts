import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '../../helpers/make-temp-dir';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { createApp } from '../../../server/app';
import { buildEnvironment } from '../../../server/environment';
import { RunManager } from '../../../server/runs/run-manager';
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

describe('graceful shutdown', () => {
  it('leaves live runs interrupted (not canceled) so they can be resumed after a restart', async () => {
    dir = makeTempDir('trellis-shutdown');
    const dbPath = join(dir.path, 'trellis.db');
    app = await startTestApp({ dbPath, simulator: { latency: { firstTokenMs: 600_000 } } });
    const { runId } = (await (await app.postJson('/api/runs', { workflow: chainWorkflow(), sample: 'tea' })).json()) as { runId: string };
    await readEvents((await app.events(runId)).frames, (event) => event.type === 'node.started' && event.nodeId === 'draft');
    await vi.waitFor(() => expect(app!.simulator!.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(1));
    await app.close();
    app = undefined;

    app = await startTestApp({ dbPath });
    expect(app.store.runs.get(runId)).toMatchObject({ status: 'interrupted', note: expect.stringMatching(/shut down/) });
    // The attempt's log ends `run.interrupted`, not `run.canceled`: nobody canceled it.
    const logged = app.store.events.after(runId, 0, 1000).map((event) => event.type);
    expect(logged.at(-1)).toBe('run.interrupted');
    expect(logged).not.toContain('run.canceled');
    expect((await app.postJson(`/api/runs/${runId}/resume`, {})).status).toBe(202);
    const events = await readEvents((await app.events(runId, { query: `after=${app.store.events.lastSeq(runId)}` })).frames);
    expect(events.at(-1)?.type).toBe('run.completed');
  });
});

describe('the built client', () => {
  it('is served at / with an SPA fallback, while unknown API paths stay JSON 404s', async () => {
    dir = makeTempDir('trellis-client');
    const clientDir = join(dir.path, 'client');
    mkdirSync(join(clientDir, 'assets'), { recursive: true });
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log(1)');
    const store = openStore(join(dir.path, 'trellis.db'));
    // No Claude is reached: an unroutable client proves the client files need none.
    const environment = buildEnvironment({ claude: new Anthropic({ apiKey: 'unused', baseURL: 'http://claude.invalid' }) });
    const runs = new RunManager({ store, environment });
    const server = createApp({ store, runs, environment, config: { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: 1024, maxJsonDepth: 10, heartbeatMs: 1000, clientDir } }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const root = await fetch(base, { headers: { accept: 'text/html' } });
      expect(root.status).toBe(200);
      expect(await root.text()).toContain('id="root"');
      expect(await (await fetch(`${base}/workflows/support-triage`, { headers: { accept: 'text/html' } })).text()).toContain('id="root"');
      expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
      const api = await fetch(`${base}/api/nope`, { headers: { accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(await api.json()).toMatchObject({ error: { type: 'not_found' } });
      expect((await fetch(`${base}/api/models`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      store.close();
    }
  });
});
