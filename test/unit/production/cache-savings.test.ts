import { describe, expect, it } from 'vitest';
import { cacheSavingsOf } from '../../../shared/cache-savings';

const usage = (read: number, write: number) => ({ input_tokens: 100, output_tokens: 50, cache_read_input_tokens: read, cache_creation_input_tokens: write });

describe('cacheSavingsOf', () => {
  it('saves 90% of the input price on every cache-read token', () => {
    // Opus 4.6 input: $5/M.
    expect(cacheSavingsOf('claude-opus-4-6', usage(1_000_000, 0)).saved_usd).toBeCloseTo(4.5, 10);
  });

  it('charges a 25% premium for 5m writes and 100% for 1h writes', () => {
    expect(cacheSavingsOf('claude-sonnet-4-6', usage(0, 1_000_000)).write_premium_usd).toBeCloseTo(0.75, 10);
    expect(cacheSavingsOf('claude-sonnet-4-6', usage(0, 1_000_000), { cacheTtl: '1h' }).write_premium_usd).toBeCloseTo(3, 10);
  });

  it('nets savings against the write premium, halves both for batches and honours price overrides', () => {
    const savings = cacheSavingsOf('claude-haiku-4-5', usage(2_000_000, 1_000_000), { batch: true, table: { 'claude-haiku-4-5': { input: 2, output: 10 } } });
    expect(savings.saved_usd).toBeCloseTo(2 * 2 * 0.9 * 0.5, 10);
    expect(savings.write_premium_usd).toBeCloseTo(2 * 0.25 * 0.5, 10);
    expect(savings.net_usd).toBeCloseTo(savings.saved_usd - savings.write_premium_usd, 12);
  });

  it('prices each part of the API\'s 5m/1h write split at its own premium', () => {
    const split = { ...usage(0, 1_000_000), cache_creation: { ephemeral_5m_input_tokens: 600_000, ephemeral_1h_input_tokens: 400_000 } };
    // Sonnet 4.6 input: $3/M. 0.6M × 0.25 × 3 + 0.4M × 1 × 3.
    expect(cacheSavingsOf('claude-sonnet-4-6', split).write_premium_usd).toBeCloseTo(0.45 + 1.2, 10);
  });

  it('says the price is unknown for a model without one, rather than claiming $0 saved', () => {
    expect(cacheSavingsOf('claude-unknown-9', usage(1000, 1000))).toMatchObject({ price_known: false, cache_read_input_tokens: 1000 });
    expect(cacheSavingsOf('claude-opus-4-6', usage(1000, 1000)).price_known).toBe(true);
  });

  it("uses the model's own cache-read price, not 0.1× input (Opus 5.5 reads at $0.20 of a $4 input)", () => {
    expect(cacheSavingsOf('claude-opus-5-5', usage(1_000_000, 0)).saved_usd).toBeCloseTo(4 - 0.2, 10);
    // Fable 5.1: $10 input, $0.25 cache hits.
    expect(cacheSavingsOf('claude-fable-5-1', usage(1_000_000, 0)).saved_usd).toBeCloseTo(10 - 0.25, 10);
  });
});
