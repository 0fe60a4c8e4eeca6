import type Anthropic from '@anthropic-ai/sdk';
import type { PriceTable } from '../../shared/pricing';
import type { ModelCatalogProvider } from '../claude/model-catalog-source';
import type { GuardedFetch } from '../engine/types';
import type { McpClients, McpConfig } from '../mcp';
import type { SecretsPolicy } from './secrets-policy';

export type ClaudeMode = 'simulator' | 'anthropic';

/**
 * Everything outside the engine that a run or an estimate touches, built once per process
 * (open-environment.ts) and handed to every driver: the run manager, dataset jobs, the estimate,
 * `createApp` and each CLI command (STYLE §15). A driver never builds its own client, fetch,
 * secrets or files root, so the server and the CLI cannot drift apart.
 */
export interface EngineEnvironment {
  /** The SDK client every Claude call goes through: the API, the simulator, or a cassette. */
  readonly claude: Anthropic;
  readonly claudeMode: ClaudeMode;
  /** What Claude is here, in words, e.g. `offline simulator (no ANTHROPIC_API_KEY) at http://…`. */
  readonly claudeDescription: string;
  /** The SSRF-guarded fetch for http tools and image URLs. */
  readonly fetch: GuardedFetch;
  /** Absolute folder vision `file` images are read from (see files-root.ts). */
  readonly filesRoot: string | undefined;
  readonly secrets: SecretsPolicy;
  readonly mcp: { readonly config: McpConfig; readonly clients: McpClients };
  /** What each model accepts: the facts table offline, the Models API (refreshed) with a key. */
  readonly models: ModelCatalogProvider;
  /** Price overrides; the catalogue's prices otherwise. */
  readonly prices: PriceTable | undefined;
  /** Nodes of one run at once (default 4). */
  readonly concurrency: number;
  /** Epoch ms. */
  now(): number;
  /** A fresh id with the given prefix, e.g. `run_…`. */
  newId(prefix: string): string;
  /** Stops what the environment started (simulator, MCP servers) and writes any cassette. */
  close(): Promise<void>;
}
