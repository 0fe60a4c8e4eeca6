import { findModel } from './models';
import type { Usage } from './usage';

export type PriceTable = Record<string, { input: number; output: number }>;

export interface PriceOptions {
  /** Overrides or additions to the catalogue's prices (server config). */
  table?: PriceTable;
  /** Message Batches are billed at half price. */
  batch?: boolean;
  /**
   * TTL of cache writes the usage does not split by TTL (`usage.cache_creation`); 1h writes cost
   * 2× input instead of 1.25×. Split writes are priced by their own TTL whatever this says.
   */
  cacheTtl?: '5m' | '1h';
}

/** Input-price multipliers of a cache write by TTL, and of a cache read. */
export const CACHE_WRITE_FACTOR = { '5m': 1.25, '1h': 2 } as const;
export const CACHE_READ_FACTOR = 0.1;

/** Cost in USD of one call's usage; unknown models cost 0 and the caller warns. */
export function costOf(model: string, usage: Usage, options: PriceOptions = {}): number {
  const price = options.table?.[model] ?? findModel(model)?.price;
  if (!price) return 0;
  const perToken =
    usage.input_tokens * price.input +
    cacheWriteInputTokens(usage, options.cacheTtl ?? '5m') * price.input +
    usage.cache_read_input_tokens * price.input * CACHE_READ_FACTOR +
    usage.output_tokens * price.output;
  return (perToken / 1_000_000) * (options.batch ? 0.5 : 1);
}

/**
 * Cache writes as input-token equivalents: the API's 5m/1h split at its own rates, and any write
 * it did not split at `fallbackTtl`'s rate.
 */
export function cacheWriteInputTokens(usage: Usage, fallbackTtl: '5m' | '1h'): number {
  const split = usage.cache_creation;
  const short = split?.ephemeral_5m_input_tokens ?? 0;
  const long = split?.ephemeral_1h_input_tokens ?? 0;
  const unsplit = Math.max(0, usage.cache_creation_input_tokens - short - long);
  return short * CACHE_WRITE_FACTOR['5m'] + long * CACHE_WRITE_FACTOR['1h'] + unsplit * CACHE_WRITE_FACTOR[fallbackTtl];
}
