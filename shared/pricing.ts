import { factsCatalog, type ModelCatalog } from './claude-models/model-catalog';
import type { ModelPrices, PriceTier } from './claude-models/model-profile';
import type { Usage } from './usage';

/**
 * Server-config price overrides per model id (USD per MTok). Cache rates left out follow the usual
 * multipliers on `input` (1.25× 5m write, 2× 1h write, 0.1× read); the batch factor defaults to 0.5.
 */
export type PriceTable = Record<string, { input: number; output: number } & Partial<ModelPrices>>;

export interface PriceOptions {
  /** Overrides or additions to the catalogue's prices (server config). */
  table?: PriceTable;
  /** Where a model's documented prices come from; the facts table by default. */
  catalog?: ModelCatalog;
  /** Message Batches are billed at the model's batch factor (half price). */
  batch?: boolean;
  /**
   * TTL of cache writes the usage does not split by TTL (`usage.cache_creation`). Split writes
   * are priced by their own TTL whatever this says.
   */
  cacheTtl?: '5m' | '1h';
}

const FACTS = factsCatalog();

/** The prices of `model`: the server's override, else the catalogue's; undefined = price unknown. */
export function pricesOf(model: string, options: Pick<PriceOptions, 'table' | 'catalog'> = {}): ModelPrices | undefined {
  const documented = (options.catalog ?? FACTS).find(model)?.facts?.prices ?? FACTS.find(model)?.facts?.prices;
  const override = options.table?.[model];
  if (!override) return documented;
  const { input } = override;
  return { cache_write_5m: input * 1.25, cache_write_1h: input * 2, cache_read: input * 0.1, batch_factor: 0.5, ...override };
}

/** Tokens that decide the price tier: the whole prompt, cached or not (the pricing page's rule). */
export function promptTokens(usage: Usage): number {
  return usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens;
}

/** The tier a request of `prompt` tokens is billed at: the highest tier whose threshold it passes. */
export function tierFor(prices: ModelPrices, prompt: number): PriceTier {
  const passed = (prices.tiers ?? []).filter((tier) => prompt > tier.above_input_tokens).sort((a, b) => b.above_input_tokens - a.above_input_tokens);
  return passed[0] ?? prices;
}

/**
 * Cost in USD of one call's usage, or undefined when the model's price is unknown (never $0: a
 * model the API lists and the facts table does not know shows "price unknown"). One call = one
 * request, so the tier is chosen from this usage's prompt size; do not price summed usage.
 */
export function costOf(model: string, usage: Usage, options: PriceOptions = {}): number | undefined {
  const prices = pricesOf(model, options);
  if (!prices) return undefined;
  const tier = tierFor(prices, promptTokens(usage));
  const writes = cacheWrites(usage, options.cacheTtl ?? '5m');
  const perMillion =
    usage.input_tokens * tier.input +
    writes['5m'] * tier.cache_write_5m +
    writes['1h'] * tier.cache_write_1h +
    usage.cache_read_input_tokens * tier.cache_read +
    usage.output_tokens * tier.output;
  return (perMillion / 1_000_000) * (options.batch ? prices.batch_factor : 1);
}

/** Cache writes by TTL: the API's split where it gave one, the rest at `fallbackTtl`. */
export function cacheWrites(usage: Usage, fallbackTtl: '5m' | '1h'): { '5m': number; '1h': number } {
  const short = usage.cache_creation?.ephemeral_5m_input_tokens ?? 0;
  const long = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const unsplit = Math.max(0, usage.cache_creation_input_tokens - short - long);
  return fallbackTtl === '1h' ? { '5m': short, '1h': long + unsplit } : { '5m': short + unsplit, '1h': long };
}

/** A sum of costs in which one unknown price makes the total unknown (null, shown "price unknown"). */
export function addCost(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return a + b;
}
