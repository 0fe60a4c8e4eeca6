import type { ModelFacts, ModelPrices } from './model-profile';

/**
 * The facts table (STYLE §17): one row per model of the SDK's `Model` union that the docs list as
 * active, legacy or deprecated. Every row names the pages its facts come from; docs/models.md shows
 * the table. When a key is set, the live Models API overrides the capability columns.
 *
 * DRAFT: values taken from ../shared/claude-2026-11.md, each still to be checked against the docs.
 */

const DOCS = 'https://platform.claude.com/docs/en';

/** The usual cache multipliers on the input price: 1.25× (5m write), 2× (1h write), 0.1× (read). */
function standardPrices(input: number, output: number, overrides: Partial<ModelPrices> = {}): ModelPrices {
  return { input, output, cache_write_5m: input * 1.25, cache_write_1h: input * 2, cache_read: input * 0.1, batch_factor: 0.5, ...overrides };
}

const ALL_EFFORT = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

export const MODEL_FACTS: readonly ModelFacts[] = [
  {
    id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', created_at: '2026-09-22T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive'], effort_levels: ALL_EFFORT,
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: true, default_display: 'omitted', default_effort: 'medium', forced_tool_choice: 'refused',
    min_cache_tokens: 512, thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: standardPrices(4, 20, { cache_write_5m: 5, cache_write_1h: 8, cache_read: 0.2 }),
    sources: [`${DOCS}/models/opus-5-5/overview`, `${DOCS}/models/opus-5-5/whats-new-opus-5-5`],
  },
  {
    id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-09-22T00:00:00Z', line: 'sonnet',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'between_tools'], effort_levels: ALL_EFFORT,
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: true, default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'refused',
    thinking_effort_ceiling: { between_tools: 'high' },
    min_cache_tokens: 512, thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: standardPrices(2, 10, { cache_write_5m: 2.5, cache_write_1h: 4, cache_read: 0.2 }),
    sources: [`${DOCS}/models/sonnet-5-5/overview`, `${DOCS}/models/sonnet-5-5/whats-new-sonnet-5-5`],
  },
  {
    id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5', created_at: '2026-09-22T00:00:00Z', line: 'haiku',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], effort_levels: ALL_EFFORT,
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: true, default_display: 'omitted', default_effort: 'medium', forced_tool_choice: 'without_thinking',
    thinking_effort_ceiling: { disabled: 'high' },
    min_cache_tokens: 512, thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: {
      ...standardPrices(0.1, 0.5, { cache_read: 0.01 }),
      tiers: [{ above_input_tokens: 100_000, input: 0.5, output: 2.5, cache_write_5m: 0.625, cache_write_1h: 1, cache_read: 0.05 }],
    },
    sources: [`${DOCS}/models/haiku-5-5/overview`, `${DOCS}/models/haiku-5-5/whats-new-haiku-5-5`],
  },
  {
    id: 'claude-opus-4-8', display_name: 'Claude Opus 4.8', created_at: '2026-06-10T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], effort_levels: ALL_EFFORT,
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: false, default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking',
    min_cache_tokens: 1024, thinking_bound_to_conversation: false, text_between_tools_in_thinking: false,
    prices: standardPrices(5, 25),
    sources: [`${DOCS}/models/opus-4-8/overview`, `${DOCS}/about-claude/models/whats-new-claude-4-8`],
  },
  {
    id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6', created_at: '2026-02-05T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'enabled', 'disabled'], effort_levels: ['low', 'medium', 'high', 'max'],
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: false, default_display: 'summarized', default_effort: 'high', forced_tool_choice: 'without_thinking',
    min_cache_tokens: 4096, thinking_bound_to_conversation: false, text_between_tools_in_thinking: false,
    prices: standardPrices(5, 25),
    sources: [`${DOCS}/models/opus-4-6/overview`],
  },
  {
    id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z', line: 'sonnet',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'enabled', 'disabled'], effort_levels: ['low', 'medium', 'high', 'max'],
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: false, default_display: 'summarized', default_effort: 'high', forced_tool_choice: 'without_thinking',
    min_cache_tokens: 1024, thinking_bound_to_conversation: false, text_between_tools_in_thinking: false,
    prices: standardPrices(3, 15),
    sources: [`${DOCS}/models/sonnet-4-6/overview`],
  },
  ...['claude-haiku-4-5', 'claude-haiku-4-5-20251001'].map((id): ModelFacts => ({
    id, display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z', line: 'haiku',
    lifecycle: 'active', deprecated_at: null, retires_at: null, status: 'legacy',
    max_input_tokens: 200_000, max_tokens: 64_000,
    thinking_types: ['enabled', 'disabled'], effort_levels: [],
    structured_outputs: true, image_input: true, pdf_input: true,
    thinks_by_default: false, default_display: 'summarized', forced_tool_choice: 'without_thinking',
    min_cache_tokens: 4096, thinking_bound_to_conversation: false, text_between_tools_in_thinking: false,
    prices: standardPrices(1, 5),
    sources: [`${DOCS}/about-claude/models/overview`, `${DOCS}/about-claude/pricing`],
  })),
];
