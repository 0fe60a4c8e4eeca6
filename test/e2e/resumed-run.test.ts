import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../client/src/api/api-types';
import { ensureClientBuilt } from './support/ensure-client-built';
import { browserUnavailable, launchBrowser } from './support/launch-browser';
import { startServer, type TestServer } from './support/start-server';
import { TrellisPage } from './support/trellis-page';

async function call<T>(server: TestServer, method: string, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A run interrupted by a server restart and resumed: its event log holds the first attempt's
 * `run.interrupted` and then `run.started {resumed: true}`. Opening it must show the real outcome,
 * not stop at the earlier terminal event.
 */
describe.skipIf(browserUnavailable() !== null)('a resumed run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-resume-'));
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureClientBuilt();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays and follows to its final status after the earlier attempt was interrupted by a shutdown', async () => {
    server = await startServer({ dir });
    const started = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflowId: 'multi-turn-chat', sample: 'photosynthesis' }) });
    const id = ((await started.json()) as { runId: string }).runId;
    // Stop the server once the first turn is done and the rest is still to come.
    for (;;) {
      const detail = await call<RunDetail>(server, 'GET', `/api/runs/${id}`);
      if (detail.nodes.some((node) => node.nodeId === 'explain' && node.status === 'completed')) break;
      expect(detail.run.status).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.stop();

    server = await startServer({ dir });
    expect((await call<RunDetail>(server, 'GET', `/api/runs/${id}`)).run.status).toBe('interrupted');
    await call(server, 'POST', `/api/runs/${id}/resume`);

    const app = new TrellisPage(await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), server.url);
    const errors: string[] = [];
    app.page.on('pageerror', (error) => errors.push(error.message));
    await app.open();
    await app.openWorkflow('multi-turn-chat');
    await app.showRunPanel();
    await app.page.getByTestId(`run-${id}`).click();
    expect(await app.waitForRunEnd()).toBe('completed');
    for (const nodeId of ['explain', 'analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).toBe('completed');
    expect(await app.page.getByTestId('run-outputs').innerText()).not.toBe('');

    // The log really does hold the earlier terminal event before the resumed run's start.
    const events = await (await fetch(`${server.url}/api/runs/${id}/events`)).text();
    const types = [...events.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]);
    expect(types.indexOf('run.interrupted')).toBeGreaterThan(0);
    expect(types).not.toContain('run.canceled');
    expect(types.lastIndexOf('run.started')).toBeGreaterThan(types.indexOf('run.interrupted'));
    expect(types.at(-1)).toBe('run.completed');
    expect(errors).toEqual([]);
  });
});
