import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../../server/app';
import { BatchJobs } from '../../../../server/batch-jobs/batch-jobs';
import { createClaude, type ClaudeConnection } from '../../../../server/claude';
import { RunManager } from '../../../../server/runs/run-manager';
import type { SimulatorOptions } from '../../../../server/simulator';
import { openStore } from '../../../../server/store/open-store';
import type { Store } from '../../../../server/store/store';

export interface ProductionApp {
  url: string;
  dir: string;
  store: Store;
  claude: ClaudeConnection;
  jobs: BatchJobs;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** createApp over real HTTP on the embedded simulator, with a fresh SQLite file and batch jobs polling fast. */
export async function startProductionApp(options: { simulator?: SimulatorOptions; maxRunning?: number } = {}): Promise<ProductionApp> {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-production-'));
  const store = openStore(join(dir, 'trellis.db'));
  const claude = await createClaude({ env: {}, maxRetries: 0, simulator: options.simulator ?? {} });
  const runs = new RunManager({ store, claude: claude.client });
  const jobs = new BatchJobs({ store, claude: claude.client, stateDir: dir, pollMs: 10, ...(options.maxRunning ? { maxRunning: options.maxRunning } : {}) });
  const app = createApp({
    store,
    runs,
    claudeMode: claude.mode,
    claude: claude.client,
    batchJobs: jobs,
    config: { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: 5 * 1024 * 1024, maxJsonDepth: 100, heartbeatMs: 15_000 },
    log: () => {},
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    url,
    dir,
    store,
    claude,
    jobs,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    async close() {
      await jobs.close();
      await runs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await claude.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
