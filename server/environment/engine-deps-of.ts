import type { EngineDeps } from '../engine/types';
import type { EngineEnvironment } from './engine-environment';

/** What changes from one run to the next; the rest of the engine's deps comes from the environment. */
export type RunDeps = Pick<EngineDeps, 'runId'> & Partial<Pick<EngineDeps, 'signal' | 'claudeFor' | 'completed' | 'startSeq' | 'concurrency' | 'deltaFlushMs' | 'deltaFlushBytes'>>;

/**
 * The engine's deps for one run in this environment: the only place an environment is turned
 * into EngineDeps, so every driver hands the engine the same client, fetch, files root, secrets
 * (templates read granted ones; credentials are only redacted), MCP servers, models and clock.
 */
export function engineDepsOf(environment: EngineEnvironment, run: RunDeps): EngineDeps {
  const deps: EngineDeps = {
    claude: environment.claude,
    runId: run.runId,
    now: () => environment.now(),
    concurrency: environment.concurrency,
    secrets: environment.secrets.templateValues(),
    redact: environment.secrets.redactionValues(),
    checkSecretDestination: (destination, sent) => environment.secrets.assertAllowedDestination(destination, sent),
    fetch: environment.fetch,
    mcp: environment.mcp.clients,
    models: environment.models.current(),
  };
  if (environment.filesRoot !== undefined) deps.filesRoot = environment.filesRoot;
  if (environment.prices !== undefined) deps.prices = environment.prices;
  // Only the keys the caller set: the engine treats a present-but-undefined dep as given.
  for (const [key, value] of Object.entries(run)) if (value !== undefined) (deps as unknown as Record<string, unknown>)[key] = value;
  return deps;
}
