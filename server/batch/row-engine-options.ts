import type { PriceTable } from '../../shared/pricing';
import type { EngineDeps, GuardedFetch, McpCaller } from '../engine/types';

/** What every row of a dataset run hands to the engine, whichever way the rows are run. */
export interface RowEngineOptions {
  prices?: PriceTable;
  secrets?: Record<string, string>;
  fetch?: GuardedFetch;
  filesRoot?: string;
  mcp?: McpCaller;
}

/** The engine deps among `options` that are set (the engine treats a present-but-undefined dep as given). */
export function rowEngineDeps(options: RowEngineOptions): Pick<EngineDeps, keyof RowEngineOptions> {
  const deps: Pick<EngineDeps, keyof RowEngineOptions> = {};
  if (options.prices) deps.prices = options.prices;
  if (options.secrets) deps.secrets = options.secrets;
  if (options.fetch) deps.fetch = options.fetch;
  if (options.filesRoot) deps.filesRoot = options.filesRoot;
  if (options.mcp) deps.mcp = options.mcp;
  return deps;
}
