/**
 * One model as the simulator knows it, written from the Claude API documentation (never from
 * shared/models.ts or shared/claude-models: the simulator is the independent referee of what the
 * engine sends, so it must not share the engine's table). Every row cites the pages it comes from.
 */

export type ThinkingType = 'enabled' | 'adaptive' | 'disabled' | 'between_tools';
export type EffortLevel = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
export type Lifecycle = 'active' | 'deprecated' | 'retired';
export type ThinkingDisplay = 'summarized' | 'omitted';
export type ModelLine = 'haiku' | 'sonnet' | 'opus' | 'fable' | 'mythos';

/** Ordered from least to most effort, so "at most high" is an index comparison. */
export const EFFORT_LEVELS: readonly EffortLevel[] = ['low', 'medium', 'high', 'xhigh', 'max'];

export interface ThinkingRules {
  /** `thinking.type` values the model accepts; any other type is a 400. */
  types: ThinkingType[];
  /** What a request that omits `thinking` gets: adaptive thinking, or none. */
  default: 'adaptive' | 'off';
  /** `display` when the request does not set one (`omitted` = empty thinking text, signature kept). */
  defaultDisplay: ThinkingDisplay;
  /** `disabled` is accepted only at this effort or lower (Opus 5, Haiku 5.5). */
  disabledMaxEffort?: EffortLevel;
  /** `between_tools` is accepted only at this effort or lower (Sonnet 5.5). */
  betweenToolsMaxEffort?: EffortLevel;
  /** Text the model writes between tool calls comes back in thinking blocks (Opus 5.5, Sonnet 5.5). */
  textBetweenToolsInThinking: boolean;
  /**
   * Preserved thinking: blocks are signed over the model and the conversation prefix (system,
   * tools, earlier turns); a changed prefix is a 400, a block from a model this one cannot read is
   * dropped without an error.
   */
  boundToConversation: boolean;
  /** Other models whose thinking blocks this model reads (its own always). */
  readsBlocksFrom: string[];
}

export interface SimulatedModel {
  id: string;
  display_name: string;
  /** Release date (RFC 3339). */
  created_at: string;
  line: ModelLine | null;
  lifecycle: Lifecycle;
  deprecated_at: string | null;
  retires_at: string | null;
  /** The replacement the docs recommend (kept with the row as the docs give it; the API does not name it in errors). */
  replacement?: string;
  max_input_tokens: number;
  max_tokens: number;
  thinking: ThinkingRules;
  /** Accepted `output_config.effort` levels and the default; null = the model has no effort parameter. */
  effort: { levels: EffortLevel[]; default: EffortLevel } | null;
  /** `tool_choice` `any`/`tool` accepted (still refused together with thinking). */
  forcedToolChoice: boolean;
  structured_outputs: boolean;
  image_input: boolean;
  pdf_input: boolean;
  /** A final assistant turn (prefill) is accepted. */
  prefill: boolean;
  /** temperature/top_p/top_k accepted under anthropic-version 2023-06-01 (never under 2026-10-21). */
  sampling_params: boolean;
  /** Smallest cacheable prompt prefix, in tokens; shorter prefixes are silently not cached. */
  min_cache_tokens: number;
  /** Documentation pages this row was written from. */
  sources: string[];
  /** Facts the docs did not state, and what the simulator assumes instead. */
  assumptions?: string[];
}
