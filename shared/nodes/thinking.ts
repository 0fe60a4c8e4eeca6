import type { NodeSpec } from './node-spec';
import { IN_HANDLE, OUT_HANDLE } from './node-spec';
import { CONVERSATION_CAPABILITIES, conversationTemplates, PROMPT_OUTPUT_FIELDS, PROMPT_PROPERTIES, THINKING_SETTING } from './prompt-properties';

export const thinkingNode: NodeSpec<'thinking'> = {
  type: 'thinking',
  label: 'Thinking',
  description: 'A prompt whose thinking is shown: adaptive (with effort) or, where the model accepts it, a fixed budget. Outputs the thinking text too.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['messages', 'thinking'],
    properties: { ...PROMPT_PROPERTIES, thinking: THINKING_SETTING },
  },
  defaults: {
    max_tokens: 4096,
    // Adaptive thinking is accepted by every current model; `summarized` so the node has thinking to show.
    thinking: { type: 'adaptive', display: 'summarized' },
    messages: [{ role: 'user', content: 'Think the problem below through, then answer.\n\n{{input}}' }],
  },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE] },
  outputFields: [...PROMPT_OUTPUT_FIELDS, 'thinking'],
  capabilities: CONVERSATION_CAPABILITIES,
  templates: conversationTemplates,
};
