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

async function call<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Issue 12 item 5: a run the server was driving when it stopped is `interrupted` after a restart.
 * The canvas shows it as interrupted (not canceled, failed or running) and resumes it.
 */
describe.skipIf(browserUnavailable() !== null)('an interrupted run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-interrupted-'));
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

  it('shows as interrupted in the history and the run panel, and Resume finishes it', async () => {
    server = await startServer({ dir });
    const { runId } = await call<{ runId: string }>(server, 'POST', '/api/runs', { workflowId: 'multi-turn-chat', sample: 'photosynthesis' });
    for (;;) {
      const detail = await call<RunDetail>(server, 'GET', `/api/runs/${runId}`);
      if (detail.nodes.some((node) => node.nodeId === 'explain' && node.status === 'completed')) break;
      expect(detail.run.status).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.stop();
    server = await startServer({ dir });
    expect((await call<RunDetail>(server, 'GET', `/api/runs/${runId}`)).run.status).toBe('interrupted');

    const app = new TrellisPage(await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), server.url);
    const errors: string[] = [];
    app.page.on('pageerror', (error) => errors.push(error.message));
    await app.open();
    await app.openWorkflow('multi-turn-chat');
    await app.showRunPanel();
    const row = app.page.getByTestId(`run-${runId}`);
    expect(await row.innerText()).toContain('interrupted');
    await app.page.getByTestId(`resume-${runId}`).waitFor();

    await row.click();
    expect(await app.waitForRunEnd()).toBe('interrupted');
    await app.page.getByTestId('run-interrupted').waitFor();
    expect(await app.nodeView('explain').getAttribute('data-status')).toBe('completed');
    // Nodes the stop cut short are interrupted, not failed.
    for (const nodeId of ['analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).not.toBe('failed');

    await app.page.getByTestId('resume-button').click();
    await app.page.locator('[data-testid="run-summary"][data-status="running"]').waitFor().catch(() => undefined);
    expect(await app.waitForRunEnd()).toBe('completed');
    for (const nodeId of ['explain', 'analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).toBe('completed');
    await app.page.getByTestId('resume-button').waitFor({ state: 'detached' });
    expect((await call<RunDetail>(server, 'GET', `/api/runs/${runId}`)).run.status).toBe('completed');
    expect(errors).toEqual([]);
  });
});
