import { describe, expect, it } from 'vitest';
import { usageOfMessage } from '../../../server/engine/usage-of-message';
import { costOf } from '../../../shared/pricing';
import { addUsage, ZERO_USAGE, type Usage } from '../../../shared/usage';

// Sonnet 4.6 costs $3/M input and $15/M output.
const MODEL = 'claude-sonnet-4-6';
const perMillion = (dollars: number) => dollars / 1_000_000;

describe('cache writes priced by TTL', () => {
  const mixed: Usage = { ...ZERO_USAGE, input_tokens: 100, cache_creation_input_tokens: 3000, cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 } };

  it('prices the 1h part at 2× input and the 5m part at 1.25×, whatever cacheTtl says', () => {
    const expected = perMillion(100 * 3 + 2000 * 3 * 2 + 1000 * 3 * 1.25);
    expect(costOf(MODEL, mixed)).toBeCloseTo(expected, 12);
    expect(costOf(MODEL, mixed, { cacheTtl: '1h' })).toBeCloseTo(expected, 12);
    expect(costOf(MODEL, mixed, { batch: true })).toBeCloseTo(expected / 2, 12);
  });

  it('prices writes the API did not split at the cacheTtl rate (5m by default)', () => {
    const unsplit: Usage = { ...ZERO_USAGE, cache_creation_input_tokens: 1000 };
    expect(costOf(MODEL, unsplit)).toBeCloseTo(perMillion(1000 * 3 * 1.25), 12);
    expect(costOf(MODEL, unsplit, { cacheTtl: '1h' })).toBeCloseTo(perMillion(1000 * 3 * 2), 12);
  });

  it('keeps the split when usages are summed, with unsplit writes left for the fallback rate', () => {
    const sum = addUsage(mixed, { ...ZERO_USAGE, cache_creation_input_tokens: 400 });
    expect(sum.cache_creation).toEqual({ ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 });
    expect(sum.cache_creation_input_tokens).toBe(3400);
    expect(costOf(MODEL, sum)).toBeCloseTo(perMillion(100 * 3 + 2000 * 6 + 1000 * 3.75 + 400 * 3.75), 12);
    expect(addUsage(ZERO_USAGE, ZERO_USAGE)).not.toHaveProperty('cache_creation');
  });

  it('reads the split from a response only when something was written', () => {
    const usage = (written: number, split: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number } | null) =>
      usageOfMessage({ usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: written, cache_read_input_tokens: 0, cache_creation: split } as never });
    expect(usage(0, { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 })).toEqual({ input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(usage(30, { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 }).cache_creation).toEqual({ ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 });
    expect(usage(30, null)).not.toHaveProperty('cache_creation');
  });
});
