import type { JSONSchemaType } from 'ajv/dist/2020';
import { EFFORT_LEVELS, THINKING_DISPLAYS } from '../claude-models/model-profile';
import type { ConfigTemplate, NodeCapabilities } from './node-spec';
import type { CacheableText, MessageTemplate, PromptConfig, RetryPolicy, ThinkingSetting, ToolChoiceConfig } from '../node-configs';
import { LIMITS } from '../validation/limits';
import { EMBEDDED_SCHEMA, NAME, TEMPLATE } from './json-leaves';

const CACHE_TTL = { type: 'string', enum: ['5m', '1h'], nullable: true } as const;

const cacheableText: JSONSchemaType<CacheableText> = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: TEMPLATE, cache: { type: 'boolean', nullable: true }, cache_ttl: CACHE_TTL },
};

const messageTemplate: JSONSchemaType<MessageTemplate> = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'content'],
  properties: {
    role: { type: 'string', enum: ['user', 'assistant'] },
    content: TEMPLATE,
    cache: { type: 'boolean', nullable: true },
    cache_ttl: CACHE_TTL,
  },
};

const PARALLEL = { type: 'boolean', nullable: true } as const;

// `discriminator` makes ajv check only the branch named by `type`, so errors point at the real problem.
const toolChoice: JSONSchemaType<ToolChoiceConfig> = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'auto' }, disable_parallel_tool_use: PARALLEL } },
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'any' }, disable_parallel_tool_use: PARALLEL } },
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'none' } } },
    { type: 'object', additionalProperties: false, required: ['type', 'name'], properties: { type: { type: 'string', const: 'tool' }, name: NAME, disable_parallel_tool_use: PARALLEL } },
  ],
};

const retryPolicy: JSONSchemaType<RetryPolicy> = {
  type: 'object',
  additionalProperties: false,
  required: ['attempts'],
  properties: {
    attempts: { type: 'integer', minimum: 1, maximum: LIMITS.retryAttempts },
    backoff_ms: { type: 'integer', minimum: 0, maximum: 600_000, nullable: true },
  },
};

const DISPLAY = { type: 'string', enum: [...THINKING_DISPLAYS], nullable: true } as const;

/** `thinking` on every Claude-calling node. Which types a model accepts is a semantic check (model facts). */
export const THINKING_SETTING: JSONSchemaType<ThinkingSetting> = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'budget_tokens'],
      // The 1024 floor and the `< max_tokens` rule are semantic checks (rule thinking.budget) so the message can name both numbers.
      properties: { type: { type: 'string', const: 'enabled' }, budget_tokens: { type: 'integer', minimum: 1, maximum: LIMITS.maxTokens }, display: DISPLAY },
    },
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'adaptive' }, display: DISPLAY } },
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'between_tools' } } },
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', const: 'disabled' } } },
  ],
};

/** `output_config.effort`; which levels a model accepts is a semantic check (model facts). */
export const EFFORT = { type: 'string', enum: [...EFFORT_LEVELS], nullable: true } as const;

/** The properties prompt, vision and thinking nodes share (their configs extend PromptConfig). */
export const PROMPT_PROPERTIES: JSONSchemaType<PromptConfig>['properties'] = {
  model: { ...NAME, nullable: true },
  max_tokens: { type: 'integer', minimum: 1, maximum: LIMITS.maxTokens, nullable: true },
  system: { ...cacheableText, nullable: true },
  messages: { type: 'array', minItems: 1, maxItems: LIMITS.messages, items: messageTemplate },
  continue_from: { ...NAME, nullable: true },
  stop_sequences: { type: 'array', maxItems: 8, items: { type: 'string', minLength: 1, maxLength: LIMITS.nameLength }, nullable: true },
  output: { type: 'string', enum: ['text', 'json'], nullable: true },
  schema: { ...EMBEDDED_SCHEMA, nullable: true },
  on_max_tokens: { type: 'string', enum: ['fail', 'warn', 'continue'], nullable: true },
  tool_choice: { ...toolChoice, nullable: true },
  max_tool_rounds: { type: 'integer', minimum: 1, maximum: LIMITS.maxToolRounds, nullable: true },
  cache_tools: { type: 'boolean', nullable: true },
  cache_tools_ttl: CACHE_TTL,
  retry: { ...retryPolicy, nullable: true },
  timeout_ms: { type: 'integer', minimum: 1, maximum: 3_600_000, nullable: true },
  effort: EFFORT,
  thinking: { ...THINKING_SETTING, nullable: true },
};

/** What every Messages-calling node outputs (shared/node-outputs.ts PromptOutput). */
export const PROMPT_OUTPUT_FIELDS = ['text', 'json', 'stop_reason', 'usage', 'messages'] as const;

/** What prompt, vision and thinking nodes declare: one conversation with Claude that may call tools. */
export const CONVERSATION_CAPABILITIES: NodeCapabilities = { callsClaude: true, acceptsTools: true, hasConversation: true };

/** The templates of a conversation config: the system text and every message. */
export function conversationTemplates(config: PromptConfig): ConfigTemplate[] {
  const fields: ConfigTemplate[] = [];
  if (config.system) fields.push({ path: ['system', 'text'], source: config.system.text, scope: 'run' });
  config.messages.forEach((message, index) => fields.push({ path: ['messages', index, 'content'], source: message.content, scope: 'run' }));
  return fields;
}
