import type { JSONSchemaType } from 'ajv/dist/2020';
import type { VisionConfig, VisionImage } from '../node-configs';
import { LIMITS } from '../validation/limits';
import type { ConfigIssue, ConfigTemplate, NodeSpec } from './node-spec';
import { IN_HANDLE, OUT_HANDLE } from './node-spec';
import { TEMPLATE } from './json-leaves';
import { CONVERSATION_CAPABILITIES, conversationTemplates, PROMPT_OUTPUT_FIELDS, PROMPT_PROPERTIES } from './prompt-properties';

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
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE] },
  outputFields: PROMPT_OUTPUT_FIELDS,
  capabilities: CONVERSATION_CAPABILITIES,
  templates: (config) => [...conversationTemplates(config), ...imageTemplates(config)],
  configIssues: imagePathIssues,
  files: (config) => config.images.flatMap((image, index) => (image.source === 'file' ? [{ file: image.path, path: ['images', index, 'path'] }] : [])),
};

function imageTemplates(config: VisionConfig): ConfigTemplate[] {
  return config.images.flatMap((image, index): ConfigTemplate[] => {
    const at = (field: string, source: string): ConfigTemplate[] => [{ path: ['images', index, field], source, scope: 'run' }];
    if (image.source === 'base64') return at('data', image.data);
    if (image.source === 'url') return at('url', image.url);
    if (image.source === 'template') return at('value', image.value);
    return [];
  });
}

/** File images resolve under the server's files root; an absolute path or `..` would leave it. */
function imagePathIssues(config: VisionConfig): ConfigIssue[] {
  return config.images.flatMap((image, index): ConfigIssue[] => {
    if (image.source !== 'file') return [];
    const segments = image.path.split(/[\\/]/);
    if (!image.path.startsWith('/') && !image.path.startsWith('\\') && !/^[A-Za-z]:/.test(image.path) && !segments.includes('..')) return [];
    return [{ severity: 'error', rule: 'vision.bad_path', path: ['images', index, 'path'], message: `image path "${image.path}" must be relative to the workflows folder, without "..".` }];
  });
}
