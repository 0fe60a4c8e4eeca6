import type { EffortLevel, SimulatedModel, ThinkingRules } from './simulated-model';

// Pages read through the docs corpus in November 2026. Where docs/claude-2026-11.md and these
// pages disagreed, the pages won (see docs/simulator.md, "Where the docs and our notes disagree").
const DOCS = 'https://platform.claude.com/docs/en';
const THINKING_TROUBLESHOOTING = `${DOCS}/build-with-claude/thinking-troubleshooting`;
const PRESERVED_THINKING = `${DOCS}/build-with-claude/preserved-thinking`;
const PREFIX_CHECKS = `${DOCS}/build-with-claude/preserved-thinking/prefix-checks`;
const EFFORT = `${DOCS}/build-with-claude/effort`;
const PROMPT_CACHING = `${DOCS}/build-with-claude/prompt-caching`;
const DEPRECATIONS = `${DOCS}/about-claude/model-deprecations`;
const MODELS_OVERVIEW = `${DOCS}/about-claude/models/overview`;
const overview = (slug: string) => `${DOCS}/models/${slug}/overview`;

const ALL_EFFORT: EffortLevel[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const EFFORT_TO_MAX: EffortLevel[] = ['low', 'medium', 'high', 'max'];

/** Claude 4.5 and earlier: extended thinking (`enabled` + budget) is the only thinking mode, off by default. */
const EXTENDED_ONLY: ThinkingRules = { types: ['enabled', 'disabled'], default: 'off', defaultDisplay: 'summarized', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] };
/** The 4.6 models: adaptive added, `enabled` deprecated but still accepted. */
const ADAPTIVE_OR_EXTENDED: ThinkingRules = { types: ['enabled', 'adaptive', 'disabled'], default: 'off', defaultDisplay: 'summarized', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] };
/** Claude 4.7 and 4.8: `enabled` is a 400; thinking stays off unless asked for. */
const ADAPTIVE_OFF_BY_DEFAULT: ThinkingRules = { types: ['adaptive', 'disabled'], default: 'off', defaultDisplay: 'omitted', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] };
/** Always-on adaptive thinking (Fable/Mythos 5): `enabled` and `disabled` are 400s. */
const ALWAYS_ADAPTIVE: ThinkingRules = { types: ['adaptive'], default: 'adaptive', defaultDisplay: 'omitted', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] };

export const SIMULATED_MODELS: readonly SimulatedModel[] = [
  {
    id: 'claude-fable-5-2', display_name: 'Claude Fable 5.2', created_at: '2026-11-01T00:00:00Z', line: 'fable',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { ...ALWAYS_ADAPTIVE, boundToConversation: true, readsBlocksFrom: ['claude-mythos-5-2'] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [`${DOCS}/models/fable-5-2/whats-new-fable-5-2`, PRESERVED_THINKING, PREFIX_CHECKS],
    assumptions: ['release date not found; placed after Fable 5.1', 'forced tool_choice, effort levels and the 512-token cache minimum carried over from Fable 5.1: whats-new-fable-5-2 lists only four changes from 5.1, none of them these'],
  },
  {
    id: 'claude-mythos-5-2', display_name: 'Claude Mythos 5.2', created_at: '2026-11-01T00:00:00Z', line: 'mythos',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { ...ALWAYS_ADAPTIVE, boundToConversation: true, readsBlocksFrom: ['claude-fable-5-2'] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [`${DOCS}/models/fable-5-2/whats-new-fable-5-2`, PRESERVED_THINKING],
    assumptions: ['"same capabilities as Claude Fable 5.2" (whats-new-fable-5-2); everything else as Fable 5.2'],
  },
  {
    id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5', created_at: '2026-10-07T00:00:00Z', line: 'haiku',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { types: ['adaptive', 'disabled'], default: 'adaptive', defaultDisplay: 'omitted', disabledMaxEffort: 'high', textBetweenToolsInThinking: false, boundToConversation: true, readsBlocksFrom: [] },
    effort: { levels: ALL_EFFORT, default: 'medium' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [overview('haiku-5-5'), `${DOCS}/models/haiku-5-5/whats-new-haiku-5-5`, `${DOCS}/models/haiku-5-5/migration-guide`, EFFORT, PRESERVED_THINKING],
    assumptions: ['`disabled` only at effort high or lower: stated for Haiku 5.5 by the November thinking guide summaries, not on a page read in full', 'forced tool_choice accepted: the migration checklist lists no tool_choice change'],
  },
  {
    id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-09-28T00:00:00Z', line: 'sonnet',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { types: ['adaptive', 'between_tools'], default: 'adaptive', defaultDisplay: 'omitted', betweenToolsMaxEffort: 'high', textBetweenToolsInThinking: true, boundToConversation: true, readsBlocksFrom: [] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [`${DOCS}/models/sonnet-5-5/whats-new-sonnet-5-5`, overview('sonnet-5-5'), `${DOCS}/models/sonnet-5-5/migration-guide`, PRESERVED_THINKING],
  },
  {
    id: 'claude-fable-5-1', display_name: 'Claude Fable 5.1', created_at: '2026-09-01T00:00:00Z', line: 'fable',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    // "Claude Fable 5.1 reads blocks from Claude Opus 5 and, on the Claude API, from Claude Opus 5.5".
    thinking: { ...ALWAYS_ADAPTIVE, boundToConversation: true, readsBlocksFrom: ['claude-opus-5', 'claude-opus-5-5', 'claude-mythos-5-1'] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [MODELS_OVERVIEW, `${DOCS}/models/opus-5-5/whats-new-opus-5-5`, PRESERVED_THINKING],
    assumptions: ['release date not found; placed before Opus 5.5, whose page says its breaking changes "also apply on Claude Fable 5.1"', '512-token cache minimum as Fable 5'],
  },
  {
    id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', created_at: '2026-09-15T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { ...ALWAYS_ADAPTIVE, textBetweenToolsInThinking: true, boundToConversation: true },
    effort: { levels: ALL_EFFORT, default: 'medium' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [`${DOCS}/models/opus-5-5/whats-new-opus-5-5`, overview('opus-5-5'), EFFORT, PRESERVED_THINKING],
    assumptions: ['release date not found; placed between Fable 5.1 and Sonnet 5.5'],
  },
  {
    id: 'claude-mythos-5-1', display_name: 'Claude Mythos 5.1', created_at: '2026-09-01T00:00:00Z', line: 'mythos',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { ...ALWAYS_ADAPTIVE, boundToConversation: true, readsBlocksFrom: ['claude-opus-5', 'claude-opus-5-5', 'claude-fable-5-1'] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: false,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [PRESERVED_THINKING, `${DOCS}/build-with-claude/preserved-thinking/fix-bound-to-a-different-conversation`],
    assumptions: ['Mythos models share their Fable sibling\'s specifications (fable-5 overview, whats-new-fable-5-2); every fact copied from Fable 5.1'],
  },
  {
    id: 'claude-sonnet-5', display_name: 'Claude Sonnet 5', created_at: '2026-06-30T00:00:00Z', line: 'sonnet',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: { types: ['adaptive', 'disabled'], default: 'adaptive', defaultDisplay: 'omitted', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024,
    sources: [overview('sonnet-5'), `${DOCS}/models/sonnet-5-5/whats-new-sonnet-5-5`, THINKING_TROUBLESHOOTING, PROMPT_CACHING],
  },
  {
    id: 'claude-fable-5', display_name: 'Claude Fable 5', created_at: '2026-06-09T00:00:00Z', line: 'fable',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ALWAYS_ADAPTIVE,
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [overview('fable-5'), THINKING_TROUBLESHOOTING, PROMPT_CACHING],
  },
  {
    id: 'claude-mythos-5', display_name: 'Claude Mythos 5', created_at: '2026-06-09T00:00:00Z', line: 'mythos',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ALWAYS_ADAPTIVE,
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [overview('fable-5'), overview('mythos-5'), THINKING_TROUBLESHOOTING, PROMPT_CACHING],
  },
  {
    id: 'claude-opus-5', display_name: 'Claude Opus 5', created_at: '2026-07-24T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    // "thinking is on by default, and thinking can be disabled only at effort high or below".
    thinking: { types: ['adaptive', 'disabled'], default: 'adaptive', defaultDisplay: 'omitted', disabledMaxEffort: 'high', textBetweenToolsInThinking: false, boundToConversation: false, readsBlocksFrom: [] },
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 512,
    sources: [overview('opus-5'), `${DOCS}/models/opus-5-5/whats-new-opus-5-5`, PROMPT_CACHING],
  },
  {
    id: 'claude-opus-4-8', display_name: 'Claude Opus 4.8', created_at: '2026-05-28T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ADAPTIVE_OFF_BY_DEFAULT,
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024,
    sources: [overview('opus-4-8'), THINKING_TROUBLESHOOTING, PROMPT_CACHING],
    assumptions: ['default display `omitted` as on the other Claude 4.7+ models (not stated on a page read)'],
  },
  {
    id: 'claude-opus-4-7', display_name: 'Claude Opus 4.7', created_at: '2026-04-16T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ADAPTIVE_OFF_BY_DEFAULT,
    // xhigh arrived with Opus 4.7.
    effort: { levels: ALL_EFFORT, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 2048,
    sources: [THINKING_TROUBLESHOOTING, EFFORT, PROMPT_CACHING],
    assumptions: ['context window and output from the partner model cards (1M / 128K); no platform.claude.com overview read'],
  },
  {
    id: 'claude-mythos-preview', display_name: 'Claude Mythos Preview', created_at: '2026-04-07T00:00:00Z', line: 'mythos',
    lifecycle: 'deprecated', deprecated_at: '2026-09-17T00:00:00Z', retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    // Adaptive only, and on when `thinking` is omitted: "Claude Opus 4.7 and Claude Mythos Preview only support adaptive
    // thinking. Manual extended thinking ... will return a 400 error" (the adaptive-thinking model table, as the Bedrock
    // copy of that page states it). An earlier reading of the troubleshooting page ("supports both modes") was wrong.
    thinking: ALWAYS_ADAPTIVE,
    effort: { levels: EFFORT_TO_MAX, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024,
    sources: [THINKING_TROUBLESHOOTING, EFFORT, DEPRECATIONS],
    assumptions: ['the SDK marks it deprecated; no retirement date found', 'context, output, default thinking, display and cache minimum not found: taken as Opus 4.6'],
  },
  {
    id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6', created_at: '2026-02-05T00:00:00Z', line: 'opus',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ADAPTIVE_OR_EXTENDED,
    effort: { levels: EFFORT_TO_MAX, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: true, min_cache_tokens: 4096,
    sources: [overview('opus-4-6'), THINKING_TROUBLESHOOTING, EFFORT, PROMPT_CACHING],
  },
  {
    id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z', line: 'sonnet',
    lifecycle: 'active', deprecated_at: null, retires_at: null,
    max_input_tokens: 1_000_000, max_tokens: 128_000,
    thinking: ADAPTIVE_OR_EXTENDED,
    effort: { levels: EFFORT_TO_MAX, default: 'high' }, forcedToolChoice: true,
    structured_outputs: true, image_input: true, pdf_input: true, prefill: false, sampling_params: true, min_cache_tokens: 1024,
    sources: [overview('sonnet-4-6'), THINKING_TROUBLESHOOTING, EFFORT, PROMPT_CACHING],
  },
  ...['claude-haiku-4-5', 'claude-haiku-4-5-20251001'].map(
    (id): SimulatedModel => ({
      id, display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z', line: 'haiku',
      lifecycle: 'active', deprecated_at: null, retires_at: null,
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking: EXTENDED_ONLY,
      effort: null, forcedToolChoice: true,
      structured_outputs: true, image_input: true, pdf_input: true, prefill: true, sampling_params: true, min_cache_tokens: 4096,
      sources: [MODELS_OVERVIEW, THINKING_TROUBLESHOOTING, `${DOCS}/build-with-claude/structured-outputs`, PROMPT_CACHING, DEPRECATIONS],
    }),
  ),
  ...['claude-opus-4-5', 'claude-opus-4-5-20251101'].map(
    (id): SimulatedModel => ({
      id, display_name: 'Claude Opus 4.5', created_at: '2025-11-24T00:00:00Z', line: 'opus',
      lifecycle: 'deprecated', deprecated_at: '2026-11-23T00:00:00Z', retires_at: '2027-01-22T00:00:00Z', replacement: 'claude-opus-5-5',
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking: EXTENDED_ONLY,
      effort: { levels: ['low', 'medium', 'high'], default: 'high' }, forcedToolChoice: true,
      structured_outputs: true, image_input: true, pdf_input: true, prefill: true, sampling_params: true, min_cache_tokens: 4096,
      sources: [overview('opus-4-5'), DEPRECATIONS, EFFORT, PROMPT_CACHING],
    }),
  ),
  ...['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'].map(
    (id): SimulatedModel => ({
      id, display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z', line: 'sonnet',
      // "deprecated: it is still functional but no longer recommended, and retires on November 30, 2026".
      lifecycle: 'deprecated', deprecated_at: '2026-09-28T00:00:00Z', retires_at: '2026-11-30T00:00:00Z', replacement: 'claude-sonnet-5-5',
      max_input_tokens: 200_000, max_tokens: 64_000,
      thinking: EXTENDED_ONLY,
      effort: null, forcedToolChoice: true,
      structured_outputs: true, image_input: true, pdf_input: true, prefill: true, sampling_params: true, min_cache_tokens: 1024,
      sources: [overview('sonnet-4-5'), DEPRECATIONS, PROMPT_CACHING],
      assumptions: ['deprecation date not found; the release of the named replacement (Sonnet 5.5) is used'],
    }),
  ),
  // Retired: kept as the historical record (/v1/models lists them only when asked); requests fail.
  ...[
    { id: 'claude-opus-4-20250514', display_name: 'Claude Opus 4', line: 'opus' as const, replacement: 'claude-opus-4-8', max_tokens: 32_000 },
    { id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', line: 'sonnet' as const, replacement: 'claude-sonnet-4-6', max_tokens: 64_000 },
  ].map(
    (retired): SimulatedModel => ({
      ...retired, created_at: '2025-05-22T00:00:00Z',
      lifecycle: 'retired', deprecated_at: '2026-04-14T00:00:00Z', retires_at: '2026-06-15T00:00:00Z',
      max_input_tokens: 200_000,
      thinking: EXTENDED_ONLY,
      effort: null, forcedToolChoice: true,
      structured_outputs: false, image_input: true, pdf_input: true, prefill: true, sampling_params: true, min_cache_tokens: 1024,
      sources: [DEPRECATIONS, `${DOCS}/release-notes/overview`],
      assumptions: ['not in the SDK Model union; listed so retirement can be simulated', 'deprecation date not found'],
    }),
  ),
];
