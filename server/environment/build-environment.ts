import { randomUUID } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import { factsCatalog, type ModelCatalog } from '../../shared/claude-models/model-catalog';
import { fixedModelCatalog, type ModelCatalogProvider } from '../claude/model-catalog-source';
import type { PriceTable } from '../../shared/pricing';
import type { GuardedFetch } from '../engine/types';
import { createMcpCaller, type McpClients, type McpConfig } from '../mcp';
import { createGuardedFetch } from '../net/guarded-fetch';
import type { ClaudeMode, EngineEnvironment } from './engine-environment';
import { SecretsPolicy } from './secrets-policy';

export interface EnvironmentParts {
  claude: Anthropic;
  claudeMode?: ClaudeMode;
  claudeDescription?: string;
  fetch?: GuardedFetch;
  filesRoot?: string;
  secrets?: SecretsPolicy;
  mcp?: { config: McpConfig; clients: McpClients };
  /** A fixed catalogue (tests) or a provider that refreshes (the live Models API). */
  models?: ModelCatalog | ModelCatalogProvider;
  prices?: PriceTable;
  concurrency?: number;
  now?: () => number;
  newId?: (prefix: string) => string;
  /** Runs after the MCP servers are closed (e.g. stop the simulator, write the cassette). */
  close?: () => Promise<void>;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * An environment from parts already built, with the safe default for each part left out: the
 * guarded fetch with no exceptions, no secrets, no MCP servers, no files root, the facts
 * catalogue. open-environment.ts builds the parts from the process's configuration; tests pass
 * their own (a simulator's client, a chosen files root).
 */
export function buildEnvironment(parts: EnvironmentParts): EngineEnvironment {
  const mcp = parts.mcp ?? { config: { servers: {} }, clients: createMcpCaller({ servers: {} }) };
  const now = parts.now ?? Date.now;
  const newId = parts.newId ?? ((prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`);
  let closing: Promise<void> | undefined;
  return {
    claude: parts.claude,
    claudeMode: parts.claudeMode ?? 'anthropic',
    claudeDescription: parts.claudeDescription ?? `Claude API at ${parts.claude.baseURL}`,
    fetch: parts.fetch ?? createGuardedFetch(),
    filesRoot: parts.filesRoot,
    secrets: parts.secrets ?? SecretsPolicy.none(),
    mcp,
    models: asProvider(parts.models ?? factsCatalog()),
    prices: parts.prices,
    concurrency: parts.concurrency ?? DEFAULT_CONCURRENCY,
    now: () => now(),
    newId: (prefix) => newId(prefix),
    close: () =>
      (closing ??= (async () => {
        // MCP first: a tool call still in flight must end before anything it talks to stops.
        await mcp.clients.close();
        await parts.close?.();
      })()),
  };
}

function asProvider(models: ModelCatalog | ModelCatalogProvider): ModelCatalogProvider {
  return 'current' in models ? models : fixedModelCatalog(models);
}
