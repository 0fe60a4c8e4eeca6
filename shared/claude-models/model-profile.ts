/**
 * What Trellis knows about one Claude model: the capabilities the Models API reports
 * (`GET /v1/models`: limits, thinking types, effort levels, inputs, lifecycle) and the facts it does
 * not report (prices, defaults, the forced-tool rule), which come from the documentation only.
 * Code asks "does this model accept X" through ./model-rules, never "is this model Y" (STYLE §17).
 */

export const THINKING_TYPES = ['adaptive', 'enabled', 'between_tools', 'disabled'] as const;
export type ThinkingType = (typeof THINKING_TYPES)[number];

export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

export const THINKING_DISPLAYS = ['summarized', 'omitted'] as const;
export type ThinkingDisplay = (typeof THINKING_DISPLAYS)[number];

/** The Models API's lifecycle stage. Deprecated models still run (and warn); retired ones are refused. */
export type Lifecycle = 'active' | 'deprecated' | 'retired';

/** USD per million tokens at one price tier. */
export interface PriceTier {
  input: number;
  output: number;
  cache_write_5m: number;
  cache_write_1h: number;
  cache_read: number;
}

export interface ModelPrices extends PriceTier {
  /** Multiplier on every figure for Message Batches (0.5 = half price). */
  batch_factor: number;
  /**
   * Long-prompt tiers: when a request's prompt (input + cache writes + cache reads) is above
   * `above_input_tokens`, the whole request is priced at that tier.
   */
  tiers?: (PriceTier & { above_input_tokens: number })[];
}

/** How a model treats a forced `tool_choice` (`any` or `tool`). */
export type ForcedToolChoice =
  /** Accepted, except together with thinking (the older models). */
  | 'without_thinking'
  /** Always refused with a 400; only `auto` and `none` are accepted. */
  | 'refused';

/** What the Models API reports per model (capabilities, limits, lifecycle). */
export interface ModelCapabilities {
  id: string;
  display_name: string;
  created_at: string;
  line: string | null;
  lifecycle: Lifecycle;
  deprecated_at: string | null;
  retires_at: string | null;
  max_input_tokens: number;
  max_tokens: number;
  /** The `thinking.type` values a request may send. */
  thinking_types: readonly ThinkingType[];
  /** The `output_config.effort` levels a request may send; empty when the model takes no effort. */
  effort_levels: readonly EffortLevel[];
  structured_outputs: boolean;
  image_input: boolean;
  pdf_input: boolean;
}

/** Facts the Models API does not report: from the documentation pages in `sources`. */
export interface ModelDocFacts {
  /** The docs' own status word: current, legacy, deprecated or retired. */
  status: 'current' | 'legacy' | 'deprecated' | 'retired';
  /** Thinking happens when a request omits `thinking` (adaptive by default). */
  thinks_by_default: boolean;
  /** What `display` is when a request does not set it. */
  default_display: ThinkingDisplay;
  /** Effort when a request omits it; undefined where the model takes no effort. */
  default_effort?: EffortLevel;
  forced_tool_choice: ForcedToolChoice;
  /**
   * Thinking types that are accepted only at an effort at or below the given level (for example
   * `disabled` only at `high` or lower). A type not named here has no effort condition.
   */
  thinking_effort_ceiling?: Partial<Record<ThinkingType, EffortLevel>>;
  /** Smallest cacheable prompt prefix, in tokens. */
  min_cache_tokens: number;
  /** A final assistant turn (prefill) is accepted; Claude 4.6 and later refuse it. */
  prefill?: boolean;
  /** What to move to when this model is deprecated or retired (the fix a retired model's error offers). */
  successor?: string;
  /** Thinking blocks are signed over the model and the conversation (system, tools, earlier turns). */
  thinking_bound_to_conversation: boolean;
  /** Text between tool calls comes back in thinking blocks (empty unless `display` returns it). */
  text_between_tools_in_thinking: boolean;
  /** Absent when the docs publish no price for the model: its cost is "price unknown", never $0. */
  prices?: ModelPrices;
  /** Where the docs and ../shared/claude-2026-11.md disagree, or a fact rests on third-party reports. */
  notes?: readonly string[];
  /** Docs pages each fact was read from. */
  sources: readonly string[];
}

export type ModelFacts = ModelCapabilities & ModelDocFacts;

/**
 * One model as the validator, the engine, the estimator and the canvas see it: live capabilities
 * when a key is set (with doc facts filled in where the table knows the model), else the table.
 * `facts` is undefined for a model the table does not know: its price is unknown, never $0.
 */
export interface ModelProfile extends ModelCapabilities {
  facts?: ModelDocFacts;
  /** Where the capabilities came from. */
  source: 'api' | 'facts';
}
