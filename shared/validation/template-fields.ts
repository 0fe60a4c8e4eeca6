import type { WorkflowNode } from '../workflow-types';

export interface TemplateField {
  /** Path of the template string relative to the node. */
  path: (string | number)[];
  source: string;
  /** `run`: the run scope (input, upstream nodes, secrets). `tool`: a tool call (args, secrets). */
  scope: 'run' | 'tool';
}

/** Every string in a node's config that is rendered as a template; nothing else is ever interpreted. */
export function templateFields(node: WorkflowNode): TemplateField[] {
  const fields: TemplateField[] = [];
  const run = (source: string, ...path: (string | number)[]) => fields.push({ path: ['config', ...path], source, scope: 'run' });
  switch (node.type) {
    case 'prompt':
    case 'vision':
    case 'thinking': {
      const config = node.config;
      if (config.system) run(config.system.text, 'system', 'text');
      config.messages.forEach((message, index) => run(message.content, 'messages', index, 'content'));
      if (node.type === 'vision') {
        node.config.images.forEach((image, index) => {
          if (image.source === 'base64') run(image.data, 'images', index, 'data');
          if (image.source === 'url') run(image.url, 'images', index, 'url');
          if (image.source === 'template') run(image.value, 'images', index, 'value');
        });
      }
      break;
    }
    case 'branch':
      run(node.config.on, 'on');
      if (node.config.instruction !== undefined) run(node.config.instruction, 'instruction');
      break;
    case 'output': {
      const value = node.config.value;
      if (typeof value === 'string') run(value, 'value');
      else for (const [key, template] of Object.entries(value)) run(template, 'value', key);
      break;
    }
    case 'tool': {
      const implementation = node.config.implementation;
      if (implementation.kind !== 'http') break;
      const tool = (source: string, ...path: (string | number)[]) => fields.push({ path: ['config', 'implementation', ...path], source, scope: 'tool' });
      tool(implementation.url, 'url');
      for (const [name, value] of Object.entries(implementation.headers ?? {})) tool(value, 'headers', name);
      if (implementation.body !== undefined) tool(implementation.body, 'body');
      break;
    }
    case 'input':
      break;
  }
  return fields;
}
