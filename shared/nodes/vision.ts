import type { JSONSchemaType } from 'ajv/dist/2020';
import type { VisionImage } from '../node-configs';
import { LIMITS } from '../validation/limits';
import type { NodeSpec } from './node-spec';
import { IN_HANDLE, OUT_HANDLE } from './node-spec';
import { TEMPLATE } from './json-leaves';
import { PROMPT_OUTPUT_FIELDS, PROMPT_PROPERTIES } from './prompt-properties';

const image: JSONSchemaType<VisionImage> = {
  type: 'object',
  required: ['source'],
  discriminator: { propertyName: 'source' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['source', 'media_type', 'data'],
      properties: { source: { type: 'string', const: 'base64' }, media_type: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] }, data: TEMPLATE },
    },
    { type: 'object', additionalProperties: false, required: ['source', 'url'], properties: { source: { type: 'string', const: 'url' }, url: { ...TEMPLATE, minLength: 1 } } },
    { type: 'object', additionalProperties: false, required: ['source', 'path'], properties: { source: { type: 'string', const: 'file' }, path: { type: 'string', minLength: 1, maxLength: 1000 } } },
    { type: 'object', additionalProperties: false, required: ['source', 'value'], properties: { source: { type: 'string', const: 'template' }, value: { ...TEMPLATE, minLength: 1 } } },
  ],
};

export const visionNode: NodeSpec<'vision'> = {
  type: 'vision',
  label: 'Vision',
  description: 'A prompt with images: base64 from a template, a URL fetched server-side, or a file under the workflows folder.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['messages', 'images'],
    properties: { ...PROMPT_PROPERTIES, images: { type: 'array', minItems: 1, maxItems: LIMITS.images, items: image } },
  },
  defaults: {
    messages: [{ role: 'user', content: 'Describe this image.' }],
    images: [{ source: 'template', value: '{{input.image}}' }],
  },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE], tools: true },
  outputFields: PROMPT_OUTPUT_FIELDS,
};
