import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { createApp } from '../../server/app';
import { ModelCatalogSource } from '../../server/claude/model-catalog-source';
import { BatchJobs } from '../../server/batch/batch-jobs';
import { buildEnvironment, SecretsPolicy, type EngineEnvironment } from '../../server/environment';
import type { McpClients, McpConfig } from '../../server/mcp';
import { createGuardedFetch, type GuardedFetchOptions } from '../../server/net/guarded-fetch';
import { RunManager } from '../../server/runs/run-manager';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../server/simulator';
import { openStore, type Store } from '../../server/store';
import { makeTempDir } from './make-temp-dir';
import { parseSse, type SseFrame } from './read-sse';

export interface TestAppOptions {
  /** A Claude API the test controls (its own simulator); without it the app gets a simulator of its own. */
  claudeUrl?: string;
  /** The key sent to `claudeUrl`; redacted like the real one (default a fixed test key). */
  apiKey?: string;
  /** Options of the app's own simulator (when there is no `claudeUrl`). */
  simulator?: SimulatorOptions;
  /** Reuse a database file (restart scenarios); a fresh temp folder otherwise. */
  dbPath?: string;
  /** The SSRF guard's settings (allow-list, DNS), which the production config does not expose. */
  fetch?: GuardedFetchOptions;
  filesRoot?: string;
  /** `{{secrets.NAME}}` grants, as TRELLIS_SECRETS would give them. */
  secrets?: Record<string, string>;
  mcp?: { config: McpConfig; clients: McpClients };
  heartbeatMs?: number;
  bodyLimitBytes?: number;
  /** Dataset jobs: status poll interval and how many may run at once. */
  batchPollMs?: number;
  maxRunningJobs?: number;
  /** Build the model catalogue from the Claude API's Models API, as the server does with a real key (default: the facts table). */
  liveModels?: boolean;
}

export interface TestApp {
  url: string;
  port: number;
  dbPath: string;
  /** The app's temp folder (its database lives here unless `dbPath` was given). */
  dir: string;
  store: Store;
  runs: RunManager;
  jobs: BatchJobs;
  environment: EngineEnvironment;
  /** The app's own simulator; undefined when the test passed `claudeUrl`. */
  simulator: RunningSimulator | undefined;
  /** Every line the app logged. */
  logs: string[];
  /** A request to the app; `path` starts at its origin. */
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown): Promise<Response>;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** Opens the run's event stream; `headers` e.g. Last-Event-ID. */
  events(runId: string, options?: { headers?: Record<string, string>; query?: string; signal?: AbortSignal }): Promise<{ response: Response; frames: AsyncGenerator<SseFrame> }>;
  /** Rows per table, to prove a rejected request persisted nothing. */
  rowCounts(): Record<string, number>;
  close(): Promise<void>;
}

const TABLES = ['workflows', 'runs', 'node_results', 'events'] as const;
const TEST_KEY = 'sk-ant-test-app-key';

/**
 * `createApp` wired like server/main.ts (one environment for runs, estimate and dataset jobs) on
 * a free loopback port and a real SQLite file, talking to a real simulator over HTTP through the
 * real SDK. Parts production reads from its configuration (fetch guard, files root, secrets,
 * MCP) are chosen by the test.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = makeTempDir('trellis-app');
  const dbPath = options.dbPath ?? join(dir.path, 'trellis.db');
  const simulator = options.claudeUrl ? undefined : await startSimulator(options.simulator ?? {});
  const apiKey = options.apiKey ?? TEST_KEY;
  const claude = new Anthropic({ apiKey, baseURL: options.claudeUrl ?? simulator?.url, maxRetries: 0 });
  const models = new ModelCatalogSource(options.liveModels ? claude : undefined);
  await models.catalog();
  const environment = buildEnvironment({
    claude,
    claudeMode: simulator ? 'simulator' : 'anthropic',
    fetch: createGuardedFetch(options.fetch),
    filesRoot: options.filesRoot,
    secrets: SecretsPolicy.fromEnv({ ...options.secrets, ANTHROPIC_API_KEY: apiKey }, Object.keys(options.secrets ?? {})),
    mcp: options.mcp,
    models,
  });
  const store = openStore(dbPath);
  const runs = new RunManager({ store, environment });
  runs.markInterruptedRuns();
  const jobs = new BatchJobs({ store, environment, stateDir: dir.path, pollMs: options.batchPollMs ?? 10, ...(options.maxRunningJobs ? { maxRunning: options.maxRunningJobs } : {}) });
  const logs: string[] = [];
  const config = { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: options.bodyLimitBytes ?? 5 * 1024 * 1024, maxJsonDepth: 100, heartbeatMs: options.heartbeatMs ?? 15_000 };
  const server = createApp({ store, runs, environment, batchJobs: jobs, config, log: (line) => logs.push(line) }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const request = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    url,
    port,
    dbPath,
    dir: dir.path,
    store,
    runs,
    jobs,
    environment,
    simulator,
    logs,
    request,
    postJson: (path, body) => request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    async events(runId, { headers, query, signal } = {}) {
      const response = await request(`/api/runs/${runId}/events${query ? `?${query}` : ''}`, { headers, signal });
      if (!response.body) throw new Error(`No event stream (status ${response.status})`);
      return { response, frames: parseSse(response.body) };
    },
    rowCounts: () => Object.fromEntries(TABLES.map((table) => [table, (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n])),
    async close() {
      await jobs.close();
      await runs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await environment.close();
      await simulator?.close();
      store.close();
      dir.remove();
    },
  };
}
