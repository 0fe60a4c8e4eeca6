import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../../server/app';
import { createClaude, type ClaudeConnection } from '../../../../server/claude';
import { RunManager } from '../../../../server/runs/run-manager';
import type { SimulatorOptions } from '../../../../server/simulator';
import { openStore } from '../../../../server/store/open-store';
import type { Store } from '../../../../server/store/store';
import { readSse, type SseFrame } from './sse-client';

export interface TestAppOptions {
  /** Reuse a database file (restart scenarios); a fresh temp dir otherwise. */
  dbPath?: string;
  env?: Record<string, string>;
  simulator?: SimulatorOptions;
  heartbeatMs?: number;
  bodyLimitBytes?: number;
}

export interface TestApp {
  url: string;
  port: number;
  dbPath: string;
  store: Store;
  runs: RunManager;
  claude: ClaudeConnection;
  /** Every line the app logged. */
  logs: string[];
  /** A request to the app; `path` starts at its origin. */
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown): Promise<Response>;
  /** Opens the run's event stream; `headers` e.g. Last-Event-ID. */
  events(runId: string, options?: { headers?: Record<string, string>; query?: string; signal?: AbortSignal }): Promise<{ response: Response; frames: AsyncGenerator<SseFrame> }>;
  close(): Promise<void>;
}

/** The real thing on an ephemeral port: SQLite file, run manager, createClaude (simulator by default). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), 'trellis-http-'));
  const dbPath = options.dbPath ?? join(dir!, 'trellis.db');
  const store = openStore(dbPath);
  const claude = await createClaude({ env: options.env ?? {}, maxRetries: 0, simulator: options.simulator ?? {} });
  const apiKey = options.env?.ANTHROPIC_API_KEY;
  const runs = new RunManager({ store, claude: claude.client, redact: apiKey ? { ANTHROPIC_API_KEY: apiKey } : {} });
  runs.markInterruptedRuns();
  const logs: string[] = [];
  const app = createApp({
    store,
    runs,
    claudeMode: claude.mode,
    claude: claude.client,
    config: { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: options.bodyLimitBytes ?? 5 * 1024 * 1024, maxJsonDepth: 100, heartbeatMs: options.heartbeatMs ?? 15_000 },
    log: (line) => logs.push(line),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const request = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);

  return {
    url,
    port,
    dbPath,
    store,
    runs,
    claude,
    logs,
    request,
    postJson: (path, body) => request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async events(runId, { headers, query, signal } = {}) {
      const response = await request(`/api/runs/${runId}/events${query ? `?${query}` : ''}`, { headers, signal });
      if (!response.body) throw new Error(`No event stream (status ${response.status})`);
      return { response, frames: readSse(response.body) };
    },
    async close() {
      await runs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await claude.close();
      store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
