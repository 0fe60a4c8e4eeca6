import type { JSONSchemaType } from 'ajv/dist/2020';
import type { ThinkingSetting } from '../node-configs';
import { LIMITS } from '../validation/limits';
import type { NodeSpec } from './node-spec';
import { IN_HANDLE, OUT_HANDLE } from './node-spec';
import { PROMPT_OUTPUT_FIELDS, PROMPT_PROPERTIES } from './prompt-properties';

const DISPLAY = { type: 'string', enum: ['summarized', 'omitted'], nullable: true } as const;

const thinkingSetting: JSONSchemaType<ThinkingSetting> = {
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
  ],
};

export const thinkingNode: NodeSpec<'thinking'> = {
  type: 'thinking',
  label: 'Thinking',
  description: 'A prompt with extended thinking: a fixed token budget or adaptive. Outputs the thinking text too.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['messages', 'thinking'],
    properties: { ...PROMPT_PROPERTIES, thinking: thinkingSetting },
  },
  defaults: {
    max_tokens: 4096,
    thinking: { type: 'enabled', budget_tokens: 2048 },
    messages: [{ role: 'user', content: 'Think the problem below through, then answer.\n\n{{input}}' }],
  },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE], tools: true },
  outputFields: [...PROMPT_OUTPUT_FIELDS, 'thinking'],
};
