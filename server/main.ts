import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createApp } from './app';
import { ModelCatalogSource } from './claude/model-catalog-source';
import { BatchJobs } from './batch-jobs/batch-jobs';
import { createClaude } from './claude';
import { ConfigError, loadConfig, secretsFrom, type ServerConfig } from './config';
import { createMcpCaller, loadMcpConfig } from './mcp';
import { createGuardedFetch } from './net/guarded-fetch';
import { RunManager } from './runs/run-manager';
import { openStore } from './store/open-store';
import { seedWorkflows } from './store/seed-workflows';

export interface RunningServer {
  url: string;
  port: number;
  claudeMode: 'simulator' | 'anthropic';
  /** Stops accepting requests, leaves live runs `interrupted` (resumable) and closes everything. */
  close(): Promise<void>;
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Folder of example workflows seeded into an empty database on first start. */
  workflowsDir?: string;
  log?: (line: string) => void;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/** Opens the store, recovers interrupted runs, seeds examples, starts Claude and listens. */
export async function startServer(config: ServerConfig, options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Read first: a broken MCP config stops the start before anything is opened.
  const mcpConfig = await loadMcpConfig(undefined, options.env);
  const mcp = createMcpCaller(mcpConfig);
  const store = openStore(config.dbPath, { durable: config.durable });
  const claude = await createClaude({
    env: options.env,
    maxRetries: 2,
    timeoutMs: 10 * 60_000,
    simulator: config.simulatorLatencyMs > 0 ? { latency: { firstTokenMs: config.simulatorLatencyMs * 10, tokensPerSecond: Math.round(1000 / config.simulatorLatencyMs) } } : {},
  });
  const apiKey = options.env.ANTHROPIC_API_KEY;
  // Runs and dataset jobs share one guarded fetch and one secrets view: same rules for both.
  const fetch = createGuardedFetch({ allowPrivate: config.allowPrivateFetch, allowHosts: config.fetchAllowHosts });
  const secrets = secretsFrom(options.env, config.secretNames);
  // Vision `file` images resolve under the examples folder (workflows/assets/…), never outside it.
  const filesRoot = resolve(options.workflowsDir ?? 'workflows');
  // One catalogue for the validator, /api/models, estimates and runs: live with a key, else the facts table.
  const models = new ModelCatalogSource(claude.mode === 'anthropic' ? claude.client : undefined);
  // Listed once at start so the first run validates against live capabilities; never throws.
  void models.catalog();
  const runs = new RunManager({
    store,
    models: () => models.current(),
    claude: claude.client,
    fetch,
    secrets,
    filesRoot,
    redact: apiKey ? { ANTHROPIC_API_KEY: apiKey } : {},
    concurrency: config.concurrency,
    mcp,
  });
  const interrupted = runs.markInterruptedRuns();
  if (interrupted.length > 0) log(`Marked ${interrupted.length} run(s) left running by an earlier process as interrupted; resume them from the UI or POST /api/runs/:id/resume.`);
  const seeded = seedWorkflows(store, options.workflowsDir ?? 'workflows', log);
  if (seeded.length > 0) log(`Seeded ${seeded.length} example workflow(s).`);

  const batchJobs = new BatchJobs({ store, claude: claude.client, mcp, fetch, secrets, filesRoot, stateDir: dirname(store.path), pollMs: claude.mode === 'simulator' ? 200 : 10_000 });
  const app = createApp({ store, runs, claudeMode: claude.mode, claude: claude.client, models, config, log, mcp: { config: mcpConfig, clients: mcp }, batchJobs });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await claude.close();
    await mcp.close();
    store.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = WILDCARD_HOSTS.has(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    claudeMode: claude.mode,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await runs.close();
        await batchJobs.close();
        // SSE readers of finished runs have ended by now; anything left is idle keep-alive.
        server.closeAllConnections();
        await stopped;
        await claude.close();
        // After the runs: a live run's MCP call must end (aborted) before its server stops.
        await mcp.close();
        store.close();
      })()),
  };
}

/** `npm start` and `trellis serve`: start, announce, run until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runServer(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let config: ServerConfig;
  try {
    config = loadConfig(env, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`trellis serve: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.host !== '127.0.0.1' && config.host !== 'localhost' && config.host !== '::1') {
    process.stderr.write(`Warning: Trellis is listening on ${config.host}, reachable from other machines. It has no authentication: anyone who can reach it can run workflows on your Claude account.\n`);
  }
  const running = await startServer(config, { env });
  process.stdout.write(`Trellis running at ${running.url} (Claude: ${running.claudeMode === 'simulator' ? 'offline simulator' : 'Anthropic API'})\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stderr.write(`${signal}: shutting down…\n`);
  await running.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runServer(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`trellis: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
