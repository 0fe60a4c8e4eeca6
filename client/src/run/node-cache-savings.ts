import { addSavings, cacheSavingsOf, type CacheSavings } from '../../../shared/cache-savings';
import type { NodeRunState } from '../store/run-state';

/**
 * What prompt caching did for one node of the run, priced like the CLI (shared/cache-savings.ts);
 * null when the node neither read nor wrote the cache. `cacheTtl` is the node's breakpoint TTL
 * (writes of 1h entries cost more).
 */
export function nodeCacheSavings(node: NodeRunState, cacheTtl: '5m' | '1h' = '5m'): CacheSavings | null {
  const usage = node.usage;
  if (!usage || !node.model) return null;
  if (usage.cache_read_input_tokens === 0 && usage.cache_creation_input_tokens === 0) return null;
  return cacheSavingsOf(node.model, usage, { cacheTtl });
}

/** The TTL a node's config asks for: 1h if any of its breakpoints is 1h (the premium then applies). */
export function cacheTtlOf(config: unknown): '5m' | '1h' {
  return JSON.stringify(config ?? {}).includes('"cache_ttl":"1h"') ? '1h' : '5m';
}

/** The run's savings: the sum over its nodes (null when no node touched the cache). */
export function sumCacheSavings(savings: readonly (CacheSavings | null)[]): CacheSavings | null {
  const present = savings.filter((entry): entry is CacheSavings => entry !== null);
  if (present.length === 0) return null;
  return present.reduce(addSavings);
}
