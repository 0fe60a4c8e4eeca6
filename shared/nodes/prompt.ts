import type { NodeSpec } from './node-spec';
import { IN_HANDLE, OUT_HANDLE } from './node-spec';
import { CONVERSATION_CAPABILITIES, conversationTemplates, PROMPT_OUTPUT_FIELDS, PROMPT_PROPERTIES } from './prompt-properties';

export const promptNode: NodeSpec<'prompt'> = {
  type: 'prompt',
  label: 'Prompt',
  description: 'One Messages call to Claude, streamed. Attach tool nodes to run the tool loop.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['messages'],
    properties: PROMPT_PROPERTIES,
  },
  defaults: {
    messages: [{ role: 'user', content: 'Answer the request below.\n\n{{input}}' }],
  },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE] },
  outputFields: PROMPT_OUTPUT_FIELDS,
  capabilities: CONVERSATION_CAPABILITIES,
  templates: conversationTemplates,
};
