import { cacheWrites, pricesOf, promptTokens, tierFor, type PriceOptions } from './pricing';
import type { TraceEvent } from './trace-events';
import type { Usage } from './usage';

/**
 * What prompt caching did for a call, a node or a run, in USD. Browser-safe so the canvas can show
 * the same numbers the CLI prints.
 */
export interface CacheSavings {
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** The cache-read tokens at the plain input price minus what they cost as reads. */
  saved_usd: number;
  /** The extra paid for cache writes over plain input, at the model's own 5m and 1h write prices. */
  write_premium_usd: number;
  /** saved − premium. Negative until the cache has been read often enough to pay for its writes. */
  net_usd: number;
  /** False when a model's price is unknown: the USD figures are then 0 and shown as "price unknown". */
  price_known: boolean;
}

export interface NodeCacheSavings extends CacheSavings {
  nodeId: string;
  model: string;
}

export function cacheSavingsOf(model: string, usage: Usage, options: PriceOptions = {}): CacheSavings {
  const tokens = { cache_read_input_tokens: usage.cache_read_input_tokens, cache_creation_input_tokens: usage.cache_creation_input_tokens };
  const prices = pricesOf(model, options);
  if (!prices) return { ...tokens, saved_usd: 0, write_premium_usd: 0, net_usd: 0, price_known: false };
  // The same tier the call was billed at: a long prompt's reads save against the long-prompt input price.
  const tier = tierFor(prices, promptTokens(usage));
  const scale = (options.batch ? prices.batch_factor : 1) / 1_000_000;
  const saved = usage.cache_read_input_tokens * (tier.input - tier.cache_read) * scale;
  const writes = cacheWrites(usage, options.cacheTtl ?? '5m');
  const premium = (writes['5m'] * (tier.cache_write_5m - tier.input) + writes['1h'] * (tier.cache_write_1h - tier.input)) * scale;
  return { ...tokens, saved_usd: saved, write_premium_usd: premium, net_usd: saved - premium, price_known: true };
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

export const ZERO_SAVINGS: CacheSavings = { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, saved_usd: 0, write_premium_usd: 0, net_usd: 0, price_known: true };

export function addSavings(a: CacheSavings, b: CacheSavings): CacheSavings {
  return {
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    saved_usd: a.saved_usd + b.saved_usd,
    write_premium_usd: a.write_premium_usd + b.write_premium_usd,
    net_usd: a.net_usd + b.net_usd,
    price_known: a.price_known && b.price_known,
  };
}
