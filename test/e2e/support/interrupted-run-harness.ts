import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunDetail } from '../../../client/src/api/api-types';
import { ensureClientBuilt } from './ensure-client-built';
import { launchBrowser } from './launch-browser';
import { startServer, type TestServer } from './start-server';
import { TrellisPage } from './trellis-page';

export interface InterruptedRun {
  /** The restarted server, which found the run `running` and marked it `interrupted`. */
  server: TestServer;
  runId: string;
  /** A page on the restarted server that records uncaught page errors. */
  openPage(): Promise<{ app: TrellisPage; errors: string[] }>;
  call<T>(method: 'GET' | 'POST', path: string): Promise<T>;
}

/**
 * Scenes where the server stops mid-run: starts a real server on its own data folder, starts the
 * multi-turn-chat example, stops the server once the first turn is done and the rest is still to
 * come, and starts it again on the same database. Call at the top of a describe block.
 */
export function useInterruptedRun(prefix: string): () => Promise<InterruptedRun> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
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

  const callOn = async <T>(target: TestServer, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${target.url}${path}`, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  return async () => {
    server = await startServer({ dir });
    const first = server;
    const { runId } = await callOn<{ runId: string }>(first, 'POST', '/api/runs', { workflowId: 'multi-turn-chat', sample: 'photosynthesis' });
    for (;;) {
      const detail = await callOn<RunDetail>(first, 'GET', `/api/runs/${runId}`);
      if (detail.nodes.some((node) => node.nodeId === 'explain' && node.status === 'completed')) break;
      expect(detail.run.status).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.stop();
    server = await startServer({ dir });
    const restarted = server;
    expect((await callOn<RunDetail>(restarted, 'GET', `/api/runs/${runId}`)).run.status).toBe('interrupted');
    return {
      server: restarted,
      runId,
      call: (method, path) => callOn(restarted, method, path),
      openPage: async () => {
        const app = new TrellisPage(await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), restarted.url);
        const errors: string[] = [];
        app.page.on('pageerror', (error) => errors.push(error.message));
        await app.open();
        return { app, errors };
      },
    };
  };
}
