import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { createApp } from '../../server/app';
import { ModelCatalogSource } from '../../server/claude/model-catalog-source';
import { createGuardedFetch, type GuardedFetchOptions } from '../../server/net/guarded-fetch';
import { RunManager } from '../../server/runs/run-manager';
import { openStore, type Store } from '../../server/store';
import { makeTempDir } from './make-temp-dir';

export interface TestApp {
  url: string;
  store: Store;
  runs: RunManager;
  /** Rows per table, to prove a rejected request persisted nothing. */
  rowCounts(): Record<string, number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  claudeUrl: string;
  /** The SSRF guard's settings (allow-list, DNS), which the production config does not expose. */
  fetch?: GuardedFetchOptions;
  filesRoot?: string;
  bodyLimitBytes?: number;
  /** Build the model catalogue from `claudeUrl`'s Models API, as the server does with a real key (default: the facts table). */
  liveModels?: boolean;
}

const TABLES = ['workflows', 'runs', 'node_results', 'events'] as const;

/**
 * `createApp` with the production guards and routers on a free loopback port and a fresh SQLite
 * file, wired like server/main.ts but with the guarded fetch and files root chosen by the test.
 */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const dir = makeTempDir('trellis-app');
  const store = openStore(join(dir.path, 'trellis.db'));
  const claude = new Anthropic({ apiKey: 'sk-ant-hostile-test', baseURL: options.claudeUrl, maxRetries: 0 });
  const models = new ModelCatalogSource(options.liveModels ? claude : undefined);
  const runs = new RunManager({ store, claude, models: () => models.current(), fetch: createGuardedFetch(options.fetch), filesRoot: options.filesRoot, redact: { ANTHROPIC_API_KEY: 'sk-ant-hostile-test' } });
  const config = { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: options.bodyLimitBytes ?? 5 * 1024 * 1024, maxJsonDepth: 100, heartbeatMs: 15_000 };
  const app = createApp({ store, runs, claudeMode: 'anthropic', models, config, log: () => {} });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    runs,
    rowCounts: () => Object.fromEntries(TABLES.map((table) => [table, (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n])),
    close: async () => {
      await runs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      dir.remove();
    },
  };
}
