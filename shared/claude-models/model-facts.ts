import type { EffortLevel, ModelFacts, ModelPrices, ThinkingType } from './model-profile';

/**
 * The facts table (STYLE §17): one row per model of the SDK's `Model` union that the docs list as
 * active, legacy or deprecated, plus the retired ids old workflow files still name (so they get a
 * "retired, use X" error instead of "unknown"). Every row names the pages its facts come from and
 * `notes` says where a fact rests on a third-party report or disagrees with ../shared/claude-2026-11.md.
 * docs/models.md shows the table. With a key, the live Models API overrides the capability columns.
 * Checked against the docs corpus on 2026-11-29.
 */

const DOCS = 'https://platform.claude.com/docs/en';
const PRICING = `${DOCS}/about-claude/pricing`;
const DEPRECATIONS = `${DOCS}/about-claude/model-deprecations`;
const CACHING = `${DOCS}/build-with-claude/prompt-caching`;

/** The usual multipliers on the input price: 1.25× (5m write), 2× (1h write), 0.1× (read); batches half price. */
function standardPrices(input: number, output: number, overrides: Partial<ModelPrices> = {}): ModelPrices {
  return { input, output, cache_write_5m: input * 1.25, cache_write_1h: input * 2, cache_read: input * 0.1, batch_factor: 0.5, ...overrides };
}

const ALL_EFFORT: readonly EffortLevel[] = ['low', 'medium', 'high', 'xhigh', 'max'];
/** Claude 4.6: `max` arrived, `xhigh` only with Opus 4.7. */
const EFFORT_46: readonly EffortLevel[] = ['low', 'medium', 'high', 'max'];

type Row = Omit<ModelFacts, 'structured_outputs' | 'image_input' | 'pdf_input' | 'deprecated_at' | 'retires_at' | 'lifecycle' | 'thinking_bound_to_conversation' | 'text_between_tools_in_thinking'> &
  Partial<Pick<ModelFacts, 'deprecated_at' | 'retires_at' | 'lifecycle' | 'thinking_bound_to_conversation' | 'text_between_tools_in_thinking'>>;

/** Every listed model takes images, PDFs and structured outputs (GA on the 4.5 family and later). */
function row(facts: Row): ModelFacts {
  return {
    lifecycle: 'active',
    deprecated_at: null,
    retires_at: null,
    structured_outputs: true,
    image_input: true,
    pdf_input: true,
    thinking_bound_to_conversation: false,
    text_between_tools_in_thinking: false,
    ...facts,
  };
}

/** A retired id: requests fail, so only what the validator's error needs (the successor) matters. */
function retired(id: string, display_name: string, line: string, retires_at: string, successor: string, thinking_types: readonly ThinkingType[], sources: string[]): ModelFacts {
  return row({
    id, display_name, created_at: '1970-01-01T00:00:00Z', line, lifecycle: 'retired', deprecated_at: null, retires_at, status: 'retired',
    max_input_tokens: 200_000, max_tokens: 32_000, thinking_types, effort_levels: [],
    thinks_by_default: false, default_display: 'summarized', forced_tool_choice: 'without_thinking', min_cache_tokens: 1024, successor,
    notes: ['Retired: requests naming it fail. Kept so old workflows get a "retired, use the successor" error instead of "unknown model".'],
    sources,
  });
}

/** Fable and Mythos share specifications and prices within a version (the Fable/Mythos sections of each page). */
function fableAndMythos(version: string, created_at: string, facts: Omit<Row, 'id' | 'display_name' | 'created_at' | 'line'>): ModelFacts[] {
  const suffix = version.replace('.', '-');
  return [
    row({ ...facts, id: `claude-fable-${suffix}`, display_name: `Claude Fable ${version}`, created_at, line: 'fable' }),
    row({
      ...facts,
      id: `claude-mythos-${suffix}`,
      display_name: `Claude Mythos ${version}`,
      created_at,
      line: 'mythos',
      notes: [...(facts.notes ?? []), 'Invitation-only (Project Glasswing / verification programs); same specifications and prices as the Fable model of the same version.'],
    }),
  ];
}

/** Models thinking adaptively on every request: thinking cannot be turned off. */
const ALWAYS_ADAPTIVE = { thinking_types: ['adaptive'] as ThinkingType[], thinks_by_default: true } as const;

export const MODEL_FACTS: readonly ModelFacts[] = [
  ...fableAndMythos('5.2', '2026-11-09T00:00:00Z', {
    status: 'current', max_input_tokens: 1_000_000, max_tokens: 128_000, ...ALWAYS_ADAPTIVE, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'refused', min_cache_tokens: 512,
    thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: standardPrices(8, 40, { cache_read: 0.2 }),
    notes: [
      'Not in ../shared/claude-2026-11.md. The models overview lists it at $8 / $40 with adaptive thinking always on and default effort high.',
      'Release date (2026-11-09), cache read $0.20 and the 512-token cache minimum are from third-party reports; cache writes assume the standard 1.25×/2× multipliers.',
      'Forced tool_choice, bound thinking blocks and text between tools assumed as for Fable 5.1.',
    ],
    sources: [`${DOCS}/models/overview`, `${DOCS}/models/fable-5-2/overview`, PRICING],
  }),
  row({
    id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', created_at: '2026-09-22T00:00:00Z', line: 'opus', status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000, ...ALWAYS_ADAPTIVE, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'medium', forced_tool_choice: 'refused', min_cache_tokens: 512,
    thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: standardPrices(4, 20, { cache_write_5m: 5, cache_write_1h: 8, cache_read: 0.2 }),
    notes: ['Release date not stated on the pages found; third-party reports date it before 2026-09-24.', '512-token cache minimum from third-party reports.'],
    sources: [`${DOCS}/models/opus-5-5/overview`, `${DOCS}/models/opus-5-5/whats-new-opus-5-5`, PRICING],
  }),
  row({
    id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-09-28T00:00:00Z', line: 'sonnet', status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'between_tools'], thinks_by_default: true, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'refused',
    thinking_effort_ceiling: { between_tools: 'high' }, min_cache_tokens: 512,
    thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: standardPrices(2, 10, { cache_read: 0.2 }),
    notes: [
      'Cache read $0.20 as on the docs page; third-party reports say it was cut to $0.10 on 2026-10-07. The docs win until they change.',
      'Release date (2026-09-28) from third-party reports; 512-token cache minimum from third-party reports.',
    ],
    sources: [`${DOCS}/models/sonnet-5-5/overview`, `${DOCS}/models/sonnet-5-5/whats-new-sonnet-5-5`, PRICING],
  }),
  row({
    id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5', created_at: '2026-10-07T00:00:00Z', line: 'haiku', status: 'current',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], thinks_by_default: true, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'medium', forced_tool_choice: 'without_thinking',
    thinking_effort_ceiling: { disabled: 'high' }, min_cache_tokens: 512,
    thinking_bound_to_conversation: true, text_between_tools_in_thinking: true,
    prices: {
      ...standardPrices(0.1, 0.5, { cache_read: 0.01 }),
      tiers: [{ above_input_tokens: 100_000, input: 0.5, output: 2.5, cache_write_5m: 0.625, cache_write_1h: 1, cache_read: 0.05 }],
    },
    notes: [
      'Released 2026-10-07 (the draft said 2026-09-22).',
      'Prompts above 100,000 tokens (input + cache writes + cache reads) are priced at the higher tier, output included.',
      '"disabled only at effort high or lower" and the forced tool_choice rule are not stated on the docs pages found (third-party).',
    ],
    sources: [`${DOCS}/models/haiku-5-5/overview`, `${DOCS}/models/haiku-5-5/whats-new-haiku-5-5`, PRICING],
  }),
  ...fableAndMythos('5.1', '2026-09-01T00:00:00Z', {
    status: 'current', max_input_tokens: 1_000_000, max_tokens: 128_000, ...ALWAYS_ADAPTIVE, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'refused', min_cache_tokens: 512,
    thinking_bound_to_conversation: true, text_between_tools_in_thinking: true, successor: 'claude-fable-5-2',
    prices: standardPrices(10, 50, { cache_read: 0.25 }),
    notes: ['Cache read $0.25 (0.025× input) per the pricing page; the draft left it open.', '512-token cache minimum from third-party reports.'],
    sources: [`${DOCS}/models/fable-5-1/overview`, PRICING],
  }),
  row({
    id: 'claude-sonnet-5', display_name: 'Claude Sonnet 5', created_at: '2026-06-30T00:00:00Z', line: 'sonnet', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], thinks_by_default: true, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 1024, successor: 'claude-sonnet-5-5',
    prices: standardPrices(2, 10),
    notes: ['Adaptive thinking on by default; thinking.type "enabled" returns 400. Forced tool use became an error only with Sonnet 5.5, so it is accepted here with thinking disabled.', '1024-token cache minimum from third-party reports.'],
    sources: [`${DOCS}/models/sonnet-5/overview`, PRICING],
  }),
  row({
    id: 'claude-opus-5', display_name: 'Claude Opus 5', created_at: '2026-07-24T00:00:00Z', line: 'opus', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], thinks_by_default: true, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking',
    thinking_effort_ceiling: { disabled: 'high' }, min_cache_tokens: 512, successor: 'claude-opus-5-5',
    prices: standardPrices(5, 25),
    notes: ['Thinking on by default and can be disabled only at effort high or below (docs).', 'Forced tool use became an error only with Opus 5.5.'],
    sources: [`${DOCS}/models/opus-5/overview`, `${DOCS}/about-claude/models/whats-new-opus-5`, PRICING],
  }),
  ...fableAndMythos('5', '2026-06-09T00:00:00Z', {
    status: 'legacy', max_input_tokens: 1_000_000, max_tokens: 128_000, ...ALWAYS_ADAPTIVE, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 512, successor: 'claude-fable-5-1',
    prices: standardPrices(10, 50, { cache_read: 1 }),
    notes: ['Thinking is always on, so forced tool_choice (refused with thinking) can never be used.'],
    sources: [`${DOCS}/models/fable-5/overview`, `${DOCS}/models/fable-5/introducing-claude-fable-5-and-claude-mythos-5`, PRICING],
  }),
  row({
    id: 'claude-opus-4-8', display_name: 'Claude Opus 4.8', created_at: '2026-05-28T00:00:00Z', line: 'opus', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], thinks_by_default: false, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 1024, successor: 'claude-opus-5-5',
    prices: standardPrices(5, 25),
    notes: ['Released 2026-05-28 (the draft said 2026-06-10).', 'Minimum cacheable prompt lowered to 1,024 tokens (whats-new-claude-4-8).'],
    sources: [`${DOCS}/models/opus-4-8/overview`, `${DOCS}/about-claude/models/whats-new-claude-4-8`, PRICING],
  }),
  row({
    id: 'claude-opus-4-7', display_name: 'Claude Opus 4.7', created_at: '2026-04-16T00:00:00Z', line: 'opus', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'disabled'], thinks_by_default: false, effort_levels: ALL_EFFORT,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 4096, successor: 'claude-opus-5-5',
    prices: standardPrices(5, 25),
    notes: ['First model to refuse thinking.type "enabled" and to accept effort xhigh.', '4096-token cache minimum from the Bedrock and third-party tables.'],
    sources: [`${DOCS}/models/opus-4-7/overview`, `${DOCS}/build-with-claude/extended-thinking`, PRICING],
  }),
  row({
    id: 'claude-mythos-preview', display_name: 'Claude Mythos Preview', created_at: '2026-04-07T00:00:00Z', line: 'mythos', status: 'deprecated',
    lifecycle: 'deprecated', max_input_tokens: 1_000_000, max_tokens: 128_000,
    // Adaptive only and on by default: the adaptive-thinking page's model table ("only support adaptive thinking").
    thinking_types: ['adaptive'], thinks_by_default: true, effort_levels: EFFORT_46,
    default_display: 'omitted', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 4096, successor: 'claude-mythos-5',
    notes: [
      'The SDK marks it deprecated; the deprecations page named Claude Mythos 5 as its successor. No price, retirement date or specification was found in the docs corpus: its cost is "price unknown" and its limits are assumed equal to Opus 4.7\'s.',
    ],
    sources: [`${DOCS}/resources/overview`, `${DOCS}/build-with-claude/adaptive-thinking`, DEPRECATIONS],
  }),
  row({
    id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6', created_at: '2026-02-05T00:00:00Z', line: 'opus', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'enabled', 'disabled'], thinks_by_default: false, effort_levels: EFFORT_46,
    default_display: 'summarized', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 4096, successor: 'claude-opus-5-5',
    prices: standardPrices(5, 25),
    notes: ['thinking.type "enabled" is deprecated here but still accepted.'],
    sources: [`${DOCS}/models/opus-4-6/overview`, CACHING, PRICING],
  }),
  row({
    id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z', line: 'sonnet', status: 'legacy',
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking_types: ['adaptive', 'enabled', 'disabled'], thinks_by_default: false, effort_levels: EFFORT_46,
    default_display: 'summarized', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 1024, successor: 'claude-sonnet-5-5',
    prices: standardPrices(3, 15),
    notes: ['Max output 128K on the current page (older pages said 64K).'],
    sources: [`${DOCS}/models/sonnet-4-6/overview`, CACHING, PRICING],
  }),
  ...['claude-opus-4-5', 'claude-opus-4-5-20251101'].map((id) =>
    row({
      id, display_name: 'Claude Opus 4.5', created_at: '2025-11-24T00:00:00Z', line: 'opus', status: 'deprecated',
      lifecycle: 'deprecated', deprecated_at: '2026-11-23T00:00:00Z', retires_at: '2027-01-22T00:00:00Z',
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking_types: ['enabled', 'disabled'], thinks_by_default: false, effort_levels: ['low', 'medium', 'high'],
      default_display: 'summarized', default_effort: 'high', forced_tool_choice: 'without_thinking', min_cache_tokens: 4096, prefill: true, successor: 'claude-opus-5-5',
      prices: standardPrices(5, 25),
      notes: ['Deprecated 2026-11-23, retirement 2027-01-22, replacement Opus 5.5: from a third-party reading of the deprecations page (the model page in the corpus still says legacy).'],
      sources: [`${DOCS}/models/opus-4-5/overview`, DEPRECATIONS, PRICING],
    }),
  ),
  ...['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'].map((id) =>
    row({
      id, display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z', line: 'sonnet', status: 'deprecated',
      lifecycle: 'deprecated', deprecated_at: null, retires_at: '2026-11-30T00:00:00Z',
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking_types: ['enabled', 'disabled'], thinks_by_default: false, effort_levels: [],
      default_display: 'summarized', forced_tool_choice: 'without_thinking', min_cache_tokens: 1024, prefill: true, successor: 'claude-sonnet-5-5',
      prices: standardPrices(3, 15),
      notes: ['Retires 2026-11-30; recommended replacement Sonnet 5.5 (docs). No effort parameter (third-party).'],
      sources: [`${DOCS}/models/sonnet-4-5/overview`, DEPRECATIONS, PRICING],
    }),
  ),
  ...['claude-haiku-4-5', 'claude-haiku-4-5-20251001'].map((id) =>
    row({
      id, display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z', line: 'haiku', status: 'legacy',
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking_types: ['enabled', 'disabled'], thinks_by_default: false, effort_levels: [],
      default_display: 'summarized', forced_tool_choice: 'without_thinking', min_cache_tokens: 4096, prefill: true, successor: 'claude-haiku-5-5',
      prices: standardPrices(1, 5),
      notes: ['Extended thinking (budget) only; effort not supported.'],
      sources: [`${DOCS}/models/overview`, CACHING, PRICING],
    }),
  ),
  retired('claude-opus-4-1-20250805', 'Claude Opus 4.1', 'opus', '2026-08-05T00:00:00Z', 'claude-opus-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-opus-4-1', 'Claude Opus 4.1', 'opus', '2026-08-05T00:00:00Z', 'claude-opus-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-opus-4-20250514', 'Claude Opus 4', 'opus', '2026-06-15T00:00:00Z', 'claude-opus-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-opus-4-0', 'Claude Opus 4', 'opus', '2026-06-15T00:00:00Z', 'claude-opus-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-sonnet-4-20250514', 'Claude Sonnet 4', 'sonnet', '2026-06-15T00:00:00Z', 'claude-sonnet-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-sonnet-4-0', 'Claude Sonnet 4', 'sonnet', '2026-06-15T00:00:00Z', 'claude-sonnet-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-3-7-sonnet-20250219', 'Claude Sonnet 3.7', 'sonnet', '2026-02-19T00:00:00Z', 'claude-sonnet-5-5', ['enabled', 'disabled'], [DEPRECATIONS]),
  retired('claude-3-5-haiku-20241022', 'Claude Haiku 3.5', 'haiku', '2026-02-19T00:00:00Z', 'claude-haiku-5-5', ['disabled'], [DEPRECATIONS]),
];
