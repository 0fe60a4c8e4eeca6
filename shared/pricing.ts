import { findModel } from './models';
import type { Usage } from './usage';

export type PriceTable = Record<string, { input: number; output: number }>;

export interface PriceOptions {
  /** Overrides or additions to the catalogue's prices (server config). */
  table?: PriceTable;
  /** Message Batches are billed at half price. */
  batch?: boolean;
  /** TTL of cache writes; 1h writes cost 2× input instead of 1.25×. */
  cacheTtl?: '5m' | '1h';
}

/** Cost in USD of one call's usage; unknown models cost 0 and the caller warns. */
export function costOf(model: string, usage: Usage, options: PriceOptions = {}): number {
  const price = options.table?.[model] ?? findModel(model)?.price;
  if (!price) return 0;
  const writeFactor = options.cacheTtl === '1h' ? 2 : 1.25;
  const perToken =
    usage.input_tokens * price.input +
    usage.cache_creation_input_tokens * price.input * writeFactor +
    usage.cache_read_input_tokens * price.input * 0.1 +
    usage.output_tokens * price.output;
  return (perToken / 1_000_000) * (options.batch ? 0.5 : 1);
}
