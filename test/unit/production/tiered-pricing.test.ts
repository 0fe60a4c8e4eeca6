import { describe, expect, it } from 'vitest';
import { liveCatalog } from '../../../shared/claude-models/model-catalog';
import { addCost, costOf } from '../../../shared/pricing';
import { ZERO_USAGE, type Usage } from '../../../shared/usage';

// Prices per MTok from platform.claude.com/docs/en/about-claude/pricing and the model pages.
const usage = (parts: Partial<Usage>): Usage => ({ ...ZERO_USAGE, ...parts });

describe('costOf with the documented prices', () => {
  it('prices Opus 5.5 at $4 in / $20 out, $5 5m write, $8 1h write, $0.20 cache read', () => {
    const call = usage({ input_tokens: 2_000, output_tokens: 1_500, cache_read_input_tokens: 140_000, cache_creation_input_tokens: 8_000, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 8_000 } });
    // 2000×4 + 1500×20 + 140000×0.20 + 8000×8 = 8000 + 30000 + 28000 + 64000 → $0.13
    expect(costOf('claude-opus-5-5', call)).toBeCloseTo(0.13, 10);
  });

  it('prices Sonnet 5.5 at $2 / $10, not the old $3 / $15', () => {
    expect(costOf('claude-sonnet-5-5', usage({ input_tokens: 1_000_000, output_tokens: 1_000_000 }))).toBeCloseTo(12, 10);
  });

  it('prices Haiku 5.5 at $0.10 / $0.50 up to 100K prompt tokens and $0.50 / $2.50 above, output included', () => {
    expect(costOf('claude-haiku-5-5', usage({ input_tokens: 100_000, output_tokens: 10_000 }))).toBeCloseTo(0.01 + 0.005, 10);
    expect(costOf('claude-haiku-5-5', usage({ input_tokens: 100_001, output_tokens: 10_000 }))).toBeCloseTo((100_001 * 0.5 + 10_000 * 2.5) / 1_000_000, 10);
  });

  it('counts cache reads and writes into the prompt size that picks the Haiku 5.5 tier', () => {
    // 10K fresh + 95K read = 105K prompt: every token at the long-prompt rates ($0.50 in, $0.05 read, $2.50 out).
    const call = usage({ input_tokens: 10_000, cache_read_input_tokens: 95_000, output_tokens: 1_000 });
    expect(costOf('claude-haiku-5-5', call)).toBeCloseTo((10_000 * 0.5 + 95_000 * 0.05 + 1_000 * 2.5) / 1_000_000, 10);
    // The same reads under the threshold: $0.01 per MTok read.
    const short = usage({ input_tokens: 1_000, cache_read_input_tokens: 95_000, output_tokens: 1_000 });
    expect(costOf('claude-haiku-5-5', short)).toBeCloseTo((1_000 * 0.1 + 95_000 * 0.01 + 1_000 * 0.5) / 1_000_000, 10);
  });

  it('applies the 50% batch discount on top of the tier', () => {
    const call = usage({ input_tokens: 200_000, output_tokens: 1_000 });
    expect(costOf('claude-haiku-5-5', call, { batch: true })).toBeCloseTo((costOf('claude-haiku-5-5', call) ?? Number.NaN) / 2, 12);
  });

  it('reads Fable 5.1 cache hits at $0.25 and Fable 5 at $1 (the pricing page, not 0.1× input)', () => {
    expect(costOf('claude-fable-5-1', usage({ cache_read_input_tokens: 1_000_000 }))).toBeCloseTo(0.25, 10);
    expect(costOf('claude-fable-5', usage({ cache_read_input_tokens: 1_000_000 }))).toBeCloseTo(1, 10);
  });

  it('has no price (undefined, never 0) for a model the facts table does not know, even when the API lists it', () => {
    const live = liveCatalog([{ id: 'claude-nova-6', display_name: 'Nova', created_at: '2026-11-20T00:00:00Z', line: null, lifecycle: 'active', deprecated_at: null, retires_at: null, max_input_tokens: 500_000, max_tokens: 32_000, thinking_types: ['adaptive'], effort_levels: ['low', 'high'], structured_outputs: true, image_input: true, pdf_input: true }]);
    expect(costOf('claude-nova-6', usage({ input_tokens: 10 }), { catalog: live })).toBeUndefined();
    expect(costOf('claude-mythos-preview', usage({ input_tokens: 10 }))).toBeUndefined();
  });

  it('makes a total with one unknown price unknown', () => {
    expect(addCost(0.5, 0.25)).toBe(0.75);
    expect(addCost(0.5, undefined)).toBeNull();
    expect(addCost(null, 0.25)).toBeNull();
  });

  it('lets a server price override fill cache rates from the usual multipliers', () => {
    const call = usage({ input_tokens: 1_000_000, cache_read_input_tokens: 1_000_000 });
    expect(costOf('claude-nova-6', call, { table: { 'claude-nova-6': { input: 1, output: 2 } } })).toBeCloseTo(1 + 0.1, 10);
  });
});
