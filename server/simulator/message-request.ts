import type { EffortLevel, SimulatedModel, ThinkingDisplay } from './catalog/simulated-model';
import type { ConversationPrefix } from './conversation-prefix';

/** A request content block as sent; only `type` is known before validation. */
export type Block = { type: string } & Record<string, unknown>;

/** A block with the path it had in the request body, for error messages after turns are merged. */
export interface LocatedBlock {
  block: Block;
  path: string;
}

/** One conversation turn after consecutive same-role messages were merged (wire §8 rule 7). */
export interface Turn {
  role: 'user' | 'assistant' | 'system';
  /** Path of the first merged message, e.g. `messages.3`. */
  path: string;
  blocks: LocatedBlock[];
}

export interface ToolDefinition {
  name: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  type?: string;
  cache_control?: CacheControl;
}

export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

export type ToolChoice =
  | { type: 'auto'; disable_parallel_tool_use?: boolean }
  | { type: 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export type ThinkingParam =
  | { type: 'enabled'; budget_tokens: number; display?: ThinkingDisplay }
  | { type: 'adaptive'; display?: ThinkingDisplay; block_binding?: { prefix_mismatch_behavior?: 'error' | 'drop_block' } }
  | { type: 'disabled' }
  | { type: 'between_tools' };

/** The headers that change how a body is validated. */
export interface RequestContext {
  /** `anthropic-version`; 2026-10-21 removed temperature/top_p/top_k. */
  apiVersion: string;
  /** `anthropic-beta` values. */
  betas: string[];
}

/** Thinking as the model will run it: the request's, or the model's default when the request omits it. */
export interface EffectiveThinking {
  type: 'enabled' | 'adaptive' | 'disabled' | 'between_tools' | 'off';
  budgetTokens?: number;
  /** What the returned thinking text shows (`omitted` = empty text, signature kept). */
  display: ThinkingDisplay;
}

/** A validated `POST /v1/messages` (or count_tokens) body in normalised form. */
export interface MessageRequest {
  model: SimulatedModel;
  /** Absent for count_tokens. */
  maxTokens: number;
  system: LocatedBlock[];
  turns: Turn[];
  tools: ToolDefinition[];
  toolChoice?: ToolChoice;
  /** As sent; see `effectiveThinking` for what the model does. */
  thinking?: ThinkingParam;
  effectiveThinking: EffectiveThinking;
  /** `output_config.effort`, or the model's default. */
  effort?: EffortLevel;
  /** System, tools and every turn as sent (before any unreadable thinking block was dropped): what the reply's thinking blocks are bound to. */
  prefix: ConversationPrefix;
  stopSequences: string[];
  stream: boolean;
  jsonSchema?: Record<string, unknown>;
  /** Top-level automatic cache breakpoint. */
  cacheControl?: CacheControl;
  /** The body exactly as received: the seed of every deterministic choice. */
  raw: Record<string, unknown>;
}

export function isThinkingOn(request: MessageRequest): boolean {
  return request.effectiveThinking.type === 'enabled' || request.effectiveThinking.type === 'adaptive';
}

/** The text of a block list: text blocks and string/array tool_result contents. */
export function blocksText(blocks: LocatedBlock[], includeToolResults = true): string {
  const parts: string[] = [];
  for (const { block } of blocks) {
    if (block.type === 'text' && typeof block.text === 'string') parts.push(block.text);
    if (includeToolResults && block.type === 'tool_result') parts.push(toolResultText(block));
  }
  return parts.join('\n');
}

export function toolResultText(block: Block): string {
  const content = block.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part): part is { type: 'text'; text: string } => typeof part === 'object' && part !== null && part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}
