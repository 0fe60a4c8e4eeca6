import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { rawHttp } from '../../helpers/raw-http';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { useAppOnSimulator } from '../../helpers/use-app-on-simulator';

const configFile = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));

/**
 * `npm run dev` puts Vite in front of the API. The real vite.config.ts is loaded with the API's
 * port, as scripts/dev.ts does, on a free port instead of 5173; requests go through its proxy.
 */
describe('the dev proxy keeps the Origin guard', () => {
  const running = useAppOnSimulator();
  let vite: ViteDevServer;
  let viteUrl: string;
  let port: number;
  beforeAll(async () => {
    const previous = process.env.TRELLIS_PORT;
    process.env.TRELLIS_PORT = new URL(running.app.url).port;
    try {
      vite = await createServer({ configFile, logLevel: 'silent', server: { port: 0, strictPort: false, hmr: false } });
      await vite.listen();
    } finally {
      if (previous === undefined) delete process.env.TRELLIS_PORT;
      else process.env.TRELLIS_PORT = previous;
    }
    port = (vite.httpServer?.address() as AddressInfo).port;
    viteUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await vite?.close();
  });

  const postRun = (origin: string) =>
    rawHttp(`${viteUrl}/api/runs`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ workflow: onePromptWorkflow(), input: { topic: 'tea' } }) });

  it.each(['http://evil.example', 'http://localhost:3000', 'http://127.0.0.1:8080', 'null'])('refuses a run posted from %s through the proxy', async (origin) => {
    const before = running.app.rowCounts();
    const answer = await postRun(origin);
    expect(answer.status, answer.body).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { type: 'forbidden_origin' } });
    expect(running.app.rowCounts().runs).toBe(before.runs);
  });

  it('lets the dev page itself through', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const answer = await postRun(origin);
      expect(answer.status, answer.body).toBe(202);
    }
  });

  it('Vite refuses a foreign Host (DNS rebinding) before proxying', async () => {
    const before = running.app.rowCounts();
    // Without an Origin: the guard that answers is Vite's host check, not the API's Origin check.
    const answer = await rawHttp(`${viteUrl}/api/runs`, { method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json' }, body: JSON.stringify({ workflow: onePromptWorkflow(), input: { topic: 'tea' } }) });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/host .*is not allowed/i);
    expect(running.app.rowCounts().runs).toBe(before.runs);
  });

  it('Vite itself sends no CORS headers to another localhost origin', async () => {
    const answer = await rawHttp(`${viteUrl}/`, { headers: { origin: 'http://localhost:3000' } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await rawHttp(`${viteUrl}/api/runs`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
