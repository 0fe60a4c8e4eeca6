import type { EffortLevel, ThinkingDisplay } from './claude-models/model-profile';
import type { Json, JsonSchema } from './json-schema';

/**
 * Config shapes per node type (PRODUCT.md §4). Every string documented as "template" may contain
 * `{{path}}` references (shared/templates); nothing else in a workflow is ever interpreted.
 * The JSON Schemas in shared/nodes/<type>.ts are bound to these types with ajv's JSONSchemaType.
 */

export type InputConfig = Record<string, never>;

export interface CacheableText {
  /** template */
  text: string;
  /** Place a prompt-cache breakpoint after this block. */
  cache?: boolean;
  cache_ttl?: '5m' | '1h';
}

export interface MessageTemplate {
  role: 'user' | 'assistant';
  /** template */
  content: string;
  cache?: boolean;
  cache_ttl?: '5m' | '1h';
}

export type ToolChoiceConfig =
  | { type: 'auto'; disable_parallel_tool_use?: boolean }
  | { type: 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'none' }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean };

export interface RetryPolicy {
  /** Total attempts including the first (1 = no node-level retry; SDK retries still apply). */
  attempts: number;
  backoff_ms?: number;
}

export interface PromptConfig {
  /** Falls back to workflow.defaults.model, then DEFAULT_MODEL (claude-sonnet-5-5). */
  model?: string;
  /** Falls back to workflow.defaults.max_tokens, then 1024. */
  max_tokens?: number;
  system?: CacheableText;
  /** At least one turn; the first must be `user` unless `continue_from` is set. */
  messages: MessageTemplate[];
  /** Id of an upstream prompt/vision/thinking node whose conversation this node continues. */
  continue_from?: string;
  stop_sequences?: string[];
  output?: 'text' | 'json';
  /** Required when output is `json`: the JSON Schema of the structured answer. */
  schema?: JsonSchema;
  on_max_tokens?: 'fail' | 'warn' | 'continue';
  tool_choice?: ToolChoiceConfig;
  /** Default 10. */
  max_tool_rounds?: number;
  /** Put a cache breakpoint on the last tool definition (attached tools, else the json_output tool). */
  cache_tools?: boolean;
  /** TTL of the cache_tools breakpoint (default 5m). Tools come first in the prefix, so a 1h breakpoint later needs 1h here. */
  cache_tools_ttl?: '5m' | '1h';
  retry?: RetryPolicy;
  /** Per-node timeout for each Claude call, in ms. */
  timeout_ms?: number;
  /** `output_config.effort`; absent = the model's default. Only levels the model accepts are valid. */
  effort?: EffortLevel;
  /** `thinking`; absent = the model's default (adaptive on models that think by default). */
  thinking?: ThinkingSetting;
}

export type VisionImage =
  /** `data` is a template rendering to base64 (no data: prefix). */
  | { source: 'base64'; media_type: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp'; data: string }
  /** `url` is a template; fetched server-side through the SSRF guard, then sent as base64. */
  | { source: 'url'; url: string }
  /** A file under the server's configured files root (the workflows/ folder by default); no `..`. */
  | { source: 'file'; path: string }
  /** A template that renders to `{media_type, data}`, e.g. `{{input.screenshot}}`. */
  | { source: 'template'; value: string };

export interface VisionConfig extends PromptConfig {
  images: VisionImage[];
}

/** The `thinking` request field, as the docs define it (thinking types by model: docs/models.md). */
export type ThinkingSetting =
  | { type: 'enabled'; budget_tokens: number; display?: ThinkingDisplay }
  | { type: 'adaptive'; display?: ThinkingDisplay }
  | { type: 'between_tools' }
  | { type: 'disabled' };

export interface ThinkingConfig extends PromptConfig {
  thinking: ThinkingSetting;
}

export type ToolImplementation =
  /**
   * `response` answers every call; `responses` answer calls whose input contains all `when` fields
   * (first match wins, `response` is the fallback); `error` makes every call fail with is_error.
   */
  | { kind: 'mock'; response?: Json; responses?: { when: { [key: string]: Json }; response: Json }[]; error?: string }
  /** `url`, header values and `body` are templates over `{{args.*}}` (the tool input) and `{{secrets.*}}`. */
  | { kind: 'http'; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; headers?: { [key: string]: string }; body?: string; timeout_ms?: number }
  /** `server` names an MCP server from server configuration, never a command. */
  | { kind: 'mcp'; server: string; tool: string }
  | { kind: 'builtin'; name: 'calculator' | 'current_time' };

export interface ToolConfig {
  /** The name Claude sees: ^[a-zA-Z0-9_-]{1,128}$ */
  name: string;
  description?: string;
  input_schema: JsonSchema;
  implementation: ToolImplementation;
}

export type BranchCondition =
  | { equals: string }
  | { contains: string }
  /** A regular expression, length-limited; matched with a time-safe engine policy (see docs). */
  | { matches: string }
  | { json_path: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists'; value?: Json };

export interface BranchRoute {
  label: string;
  /** Required in `match` mode; ignored in `claude` mode. */
  when?: BranchCondition;
  /** Shown to Claude in `claude` mode. */
  description?: string;
}

export interface BranchConfig {
  mode?: 'match' | 'claude';
  /** template: the value routes are matched against (and what Claude reads in `claude` mode). */
  on: string;
  routes: BranchRoute[];
  /** Label taken when nothing matches; must be one of the routes' labels. */
  default?: string;
  /** `claude` mode only. */
  model?: string;
  max_tokens?: number;
  /** `claude` mode only: extra instruction. template */
  instruction?: string;
  /** `claude` mode only; as on prompt nodes. */
  effort?: EffortLevel;
  /** `claude` mode only; as on prompt nodes. */
  thinking?: ThinkingSetting;
}

export interface OutputConfig {
  /** A template, or a mapping of names to templates. */
  value: string | { [key: string]: string };
}

export interface NodeConfigByType {
  input: InputConfig;
  prompt: PromptConfig;
  tool: ToolConfig;
  vision: VisionConfig;
  thinking: ThinkingConfig;
  branch: BranchConfig;
  output: OutputConfig;
}
