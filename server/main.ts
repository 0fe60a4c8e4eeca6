import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import { createApp } from './app';
import { BatchJobs } from './batch/batch-jobs';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { openEnvironment, resolveFilesRoot, SecretsConfigError } from './environment';
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
  /** Folder of example workflows seeded into an empty database on first start; also the files root unless TRELLIS_FILES_ROOT says otherwise. */
  workflowsDir?: string;
  log?: (line: string) => void;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/** Opens the store, recovers interrupted runs, seeds examples, starts Claude and listens. */
export async function startServer(config: ServerConfig, options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workflowsDir = options.workflowsDir ?? 'workflows';
  const ownPorts: number[] = config.port === 0 ? [] : [config.port];
  // The environment first: a broken MCP config or secrets list stops the start before the store opens.
  const environment = await openEnvironment({
    env: options.env,
    // The seeded examples name their images relative to the examples folder (workflows/assets/…).
    filesRoot: resolveFilesRoot({ env: options.env, fallback: workflowsDir }),
    // Filled in once listening (port 0 picks one); the guarded fetch reads it on every request.
    fetch: { allowPrivate: config.allowPrivateFetch, allowHosts: config.fetchAllowHosts, reservedPorts: () => ownPorts },
    claude: {
      maxRetries: 2,
      timeoutMs: 10 * 60_000,
      simulator: config.simulatorLatencyMs > 0 ? { latency: { firstTokenMs: config.simulatorLatencyMs * 10, tokensPerSecond: Math.round(1000 / config.simulatorLatencyMs) } } : {},
    },
    concurrency: config.concurrency,
  });
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(config.dbPath, { durable: config.durable });
  } catch (error) {
    await environment.close();
    throw error;
  }
  const runs = new RunManager({ store, environment });
  const interrupted = runs.markInterruptedRuns();
  if (interrupted.length > 0) log(`Marked ${interrupted.length} run(s) left running by an earlier process as interrupted; resume them from the UI or POST /api/runs/:id/resume.`);
  const seeded = seedWorkflows(store, workflowsDir, log);
  if (seeded.length > 0) log(`Seeded ${seeded.length} example workflow(s).`);

  const batchJobs = new BatchJobs({ store, environment, stateDir: dirname(store.path), pollMs: environment.claudeMode === 'simulator' ? 200 : 10_000 });
  const app = createApp({ store, runs, environment, config, log, batchJobs });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await environment.close();
    store.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  ownPorts.push(port);
  const shownHost = WILDCARD_HOSTS.has(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    claudeMode: environment.claudeMode,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await runs.close();
        await batchJobs.close();
        // SSE readers of finished runs have ended by now; anything left is idle keep-alive.
        server.closeAllConnections();
        await stopped;
        // After the runs: a live run's MCP call must end (aborted) before its server stops.
        await environment.close();
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
  let running: RunningServer;
  try {
    running = await startServer(config, { env });
  } catch (error) {
    if (error instanceof SecretsConfigError) {
      process.stderr.write(`trellis serve: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
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
