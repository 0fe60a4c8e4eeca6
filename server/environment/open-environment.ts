import { isIP } from 'node:net';
import type { PriceTable } from '../../shared/pricing';
import { createClaude, ModelCatalogSource, type ClaudeConnection, type CreateClaudeOptions } from '../claude';
import { createMcpCaller, loadMcpConfig } from '../mcp';
import { classifyAddress } from '../net/classify-address';
import { createGuardedFetch, type GuardedFetchOptions } from '../net/guarded-fetch';
import { createClaudeForCassette } from '../replay';
import { buildEnvironment } from './build-environment';
import type { EngineEnvironment } from './engine-environment';
import { SecretsPolicy } from './secrets-policy';

export interface OpenEnvironmentOptions {
  /** The process environment: ANTHROPIC_*, TRELLIS_SECRETS and the secrets, TRELLIS_MCP_CONFIG. */
  env: Record<string, string | undefined>;
  /** Already resolved by resolveFilesRoot (the same rule for every driver). */
  filesRoot: string | undefined;
  /** Names `{{secrets.NAME}}` may read; default TRELLIS_SECRETS from `env`. */
  secretNames?: readonly string[];
  fetch?: GuardedFetchOptions;
  claude?: Omit<CreateClaudeOptions, 'env'>;
  /** Record every Claude exchange into, or answer every one from, a cassette (CLI `--record`/`--replay`). */
  cassette?: { record?: string; replay?: string };
  prices?: PriceTable;
  concurrency?: number;
}

/**
 * Builds the process's one environment from its configuration: reads the MCP config (a broken
 * one fails here, before anything starts), the secrets policy (a forbidden name fails here too),
 * then connects Claude (the API with a key, else the in-process simulator; or a cassette).
 * Nothing is left open when it throws.
 */
export async function openEnvironment(options: OpenEnvironmentOptions): Promise<EngineEnvironment> {
  const mcpConfig = await loadMcpConfig(undefined, options.env);
  const secrets = SecretsPolicy.fromEnv(options.env, options.secretNames);
  const mcp = { config: mcpConfig, clients: createMcpCaller(mcpConfig) };
  let base: ClaudeConnection | undefined;
  try {
    const replay = options.cassette?.replay;
    base = replay ? undefined : await createClaude({ ...options.claude, env: options.env });
    const cassette = await createClaudeForCassette({ record: options.cassette?.record, replay, base, redactor: secrets.redactor() });
    const live = base?.mode === 'simulator' ? `offline simulator (no ANTHROPIC_API_KEY) at ${base.baseURL}` : `Claude API at ${base?.baseURL}`;
    const description = cassette.mode === 'replay' ? cassette.description : cassette.mode === 'record' ? `${live}; ${cassette.description}` : live;
    // Live capabilities only from the real API; the simulator and cassettes check against the facts table.
    // The Claude endpoint on this machine (the embedded simulator, or ANTHROPIC_BASE_URL pointing at a
    // local one) is Trellis's own: a workflow's http tool must never reach it, allow-list or not.
    const claudePorts = base ? localPorts(base.baseURL) : [];
    const models = new ModelCatalogSource(base?.mode === 'anthropic' ? base.client : undefined);
    // Listed once before the first validation; never throws (falls back to the facts table).
    await models.catalog();
    return buildEnvironment({
      models,
      claude: cassette.client,
      claudeMode: base?.mode ?? 'anthropic',
      claudeDescription: description,
      fetch: createGuardedFetch({ ...options.fetch, reservedPorts: () => [...(options.fetch?.reservedPorts?.() ?? []), ...claudePorts] }),
      filesRoot: options.filesRoot,
      secrets,
      mcp,
      prices: options.prices,
      concurrency: options.concurrency,
      close: () => cassette.close(),
    });
  } catch (error) {
    await base?.close();
    await mcp.clients.close();
    throw error;
  }
}

function localPorts(baseURL: string): number[] {
  const url = new URL(baseURL);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0 ? host !== 'localhost' : classifyAddress(host) === undefined) return [];
  return [url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port)];
}
