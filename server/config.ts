import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dbPath: string;
  /** synchronous=FULL: every commit survives power loss. */
  durable: boolean;
  bodyLimitBytes: number;
  /** Deepest JSON nesting accepted in a request body. */
  maxJsonDepth: number;
  heartbeatMs: number;
  /** Extra `Host` values accepted besides localhost and the bound address (`name` or `name:port`). */
  allowedHosts: string[];
  /** The built client (`vite build`), served at `/` when present. */
  clientDir: string;
  /** Simulated per-token delay for the embedded simulator, so streaming is visible in the UI. */
  simulatorLatencyMs: number;
  /** Let http tools and image URLs reach private/loopback addresses (off by default: SSRF). */
  allowPrivateFetch: boolean;
  /**
   * `host:port` entries the SSRF guard lets through even when they resolve to private addresses (an
   * intranet API); a bare host means ports 80/443 only (server/net/allow-host.ts).
   */
  fetchAllowHosts: string[];
  concurrency: number;
  /** Open event streams (SSE) allowed per run and in total; more answer 503 too_many_streams. */
  sseMaxPerRun: number;
  sseMaxTotal: number;
}

export class ConfigError extends Error {}

const DEFAULTS = {
  port: 5170,
  host: '127.0.0.1',
  dbPath: '.trellis/trellis.db',
  bodyLimitBytes: 5 * 1024 * 1024,
  maxJsonDepth: 100,
  heartbeatMs: 15_000,
  simulatorLatencyMs: 15,
  concurrency: 4,
  sseMaxPerRun: 32,
  sseMaxTotal: 256,
};

/** Each stream holds a socket and replays from SQLite; 2,000 readers of one run stalled the server 13 s. */
export const SSE_LIMIT_DEFAULTS = { perRun: DEFAULTS.sseMaxPerRun, total: DEFAULTS.sseMaxTotal };

/**
 * Server settings from the environment (`TRELLIS_*`) overridden by `trellis serve` flags
 * (`--port`, `--host`, `--db`, `--durable`). Bad values fail with a message naming the setting.
 * What a run may use (secrets, files root, MCP servers, Claude) is not here: server/environment
 * reads it, by the same rules for the server and every CLI command.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[] = [], cwd: string = process.cwd()): ServerConfig {
  const flags = parseFlags(argv);
  const list = (value: string | undefined): string[] => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return {
    port: integer('--port / TRELLIS_PORT', flags.port ?? env.TRELLIS_PORT, DEFAULTS.port, 0, 65_535),
    host: flags.host ?? env.TRELLIS_HOST ?? DEFAULTS.host,
    dbPath: resolve(cwd, flags.db ?? env.TRELLIS_DB ?? DEFAULTS.dbPath),
    durable: flags.durable === 'true' || env.TRELLIS_DURABLE === '1',
    bodyLimitBytes: integer('TRELLIS_BODY_LIMIT', env.TRELLIS_BODY_LIMIT, DEFAULTS.bodyLimitBytes, 1024, 1024 ** 3),
    maxJsonDepth: DEFAULTS.maxJsonDepth,
    heartbeatMs: integer('TRELLIS_HEARTBEAT_MS', env.TRELLIS_HEARTBEAT_MS, DEFAULTS.heartbeatMs, 10, 3_600_000),
    allowedHosts: list(env.TRELLIS_ALLOWED_HOSTS),
    clientDir: resolve(cwd, env.TRELLIS_CLIENT_DIR ?? 'dist/client'),
    simulatorLatencyMs: integer('TRELLIS_SIM_LATENCY', env.TRELLIS_SIM_LATENCY, DEFAULTS.simulatorLatencyMs, 0, 10_000),
    allowPrivateFetch: env.TRELLIS_ALLOW_PRIVATE_FETCH === '1',
    fetchAllowHosts: list(env.TRELLIS_FETCH_ALLOW_HOSTS).map(checkedAllowHost),
    concurrency: integer('TRELLIS_CONCURRENCY', env.TRELLIS_CONCURRENCY, DEFAULTS.concurrency, 1, 64),
    sseMaxPerRun: integer('TRELLIS_SSE_MAX_PER_RUN', env.TRELLIS_SSE_MAX_PER_RUN, DEFAULTS.sseMaxPerRun, 1, 10_000),
    sseMaxTotal: integer('TRELLIS_SSE_MAX_TOTAL', env.TRELLIS_SSE_MAX_TOTAL, DEFAULTS.sseMaxTotal, 1, 100_000),
  };
}

function parseFlags(argv: string[]): { port?: string; host?: string; db?: string; durable?: string } {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--durable') {
      flags.durable = 'true';
      continue;
    }
    if (name !== '--port' && name !== '--host' && name !== '--db') throw new ConfigError(`Unknown option "${arg}". Options: --port N, --host ADDRESS, --db PATH, --durable.`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new ConfigError(`Option ${name} needs a value.`);
    flags[name.slice(2)] = value;
  }
  return flags;
}

/** `host`, `host:port` or `[v6]:port`; a typo such as `host:80a` fails the start instead of silently admitting nothing. */
function checkedAllowHost(entry: string): string {
  const port = /^(?:\[[0-9A-Fa-f:.]+\]|[^:[\]]+):(.*)$/.exec(entry)?.[1];
  const bareIPv6 = /^[0-9A-Fa-f:.]+$/.test(entry) && entry.includes(':') && !/^[^:]+:\d+$/.test(entry);
  if (port !== undefined && !bareIPv6 && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535)) {
    throw new ConfigError(`TRELLIS_FETCH_ALLOW_HOSTS: "${entry}" must be host or host:port with a port from 1 to 65535.`);
  }
  return entry;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  return value;
}
