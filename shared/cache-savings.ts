import { findModel } from './models';
import { CACHE_READ_FACTOR, cacheWriteInputTokens, type PriceOptions } from './pricing';
import type { TraceEvent } from './trace-events';
import type { Usage } from './usage';

/**
 * What prompt caching did for a call, a node or a run, in USD. Browser-safe so the canvas can show
 * the same numbers the CLI prints.
 */
export interface CacheSavings {
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** The cache-read tokens at the plain input price minus what they cost as reads (0.1× input). */
  saved_usd: number;
  /** The extra paid for cache writes over plain input: 0.25× input for 5m writes, 1× for 1h. */
  write_premium_usd: number;
  /** saved − premium. Negative until the cache has been read often enough to pay for its writes. */
  net_usd: number;
}

export interface NodeCacheSavings extends CacheSavings {
  nodeId: string;
  model: string;
}

export function cacheSavingsOf(model: string, usage: Usage, options: PriceOptions = {}): CacheSavings {
  const inputPrice = options.table?.[model]?.input ?? findModel(model)?.price.input ?? 0;
  const scale = (inputPrice / 1_000_000) * (options.batch ? 0.5 : 1);
  const saved = usage.cache_read_input_tokens * (1 - CACHE_READ_FACTOR) * scale;
  // The API splits writes by TTL; each part costs its own multiple of the input price.
  const premium = (cacheWriteInputTokens(usage, options.cacheTtl ?? '5m') - usage.cache_creation_input_tokens) * scale;
  return {
    cache_read_input_tokens: usage.cache_read_input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    saved_usd: saved,
    write_premium_usd: premium,
    net_usd: saved - premium,
  };
}

/** Savings per completed Claude-calling node (in event order) and for the whole run. */
export function runCacheSavings(events: readonly TraceEvent[], options: PriceOptions = {}): { nodes: NodeCacheSavings[]; total: CacheSavings } {
  const byNode = new Map<string, NodeCacheSavings>();
  for (const event of events) {
    if (event.type !== 'node.completed' || !event.data.usage || !event.data.model) continue;
    const savings = cacheSavingsOf(event.data.model, event.data.usage, options);
    const earlier = byNode.get(event.nodeId);
    byNode.set(event.nodeId, earlier ? { ...addSavings(earlier, savings), nodeId: event.nodeId, model: event.data.model } : { ...savings, nodeId: event.nodeId, model: event.data.model });
  }
  const nodes = [...byNode.values()];
  return { nodes, total: nodes.reduce<CacheSavings>(addSavings, ZERO_SAVINGS) };
}

const ZERO_SAVINGS: CacheSavings = { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, saved_usd: 0, write_premium_usd: 0, net_usd: 0 };

function addSavings(a: CacheSavings, b: CacheSavings): CacheSavings {
  return {
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    saved_usd: a.saved_usd + b.saved_usd,
    write_premium_usd: a.write_premium_usd + b.write_premium_usd,
    net_usd: a.net_usd + b.net_usd,
  };
}
