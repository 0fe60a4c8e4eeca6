import type { JSONSchemaType } from 'ajv/dist/2020';
import type { ToolConfig, ToolImplementation } from '../node-configs';
import { LIMITS } from '../validation/limits';
import { httpToolIssues } from './http-tool-issues';
import type { ConfigTemplate, NodeSpec } from './node-spec';
import { TOOL_HANDLE } from './node-spec';
import { ANY_JSON, EMBEDDED_SCHEMA, NAME, OPTIONAL_JSON, TEMPLATE } from './json-leaves';

/** The tool name Claude sees (Messages API rule). */
export const TOOL_NAME_PATTERN = '^[a-zA-Z0-9_-]{1,128}$';

const implementation: JSONSchemaType<ToolImplementation> = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { type: 'string', const: 'mock' },
        response: OPTIONAL_JSON,
        responses: {
          type: 'array',
          maxItems: 1000,
          nullable: true,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['when', 'response'],
            properties: { when: { type: 'object', required: [], additionalProperties: ANY_JSON }, response: ANY_JSON },
          },
        },
        error: { type: 'string', maxLength: LIMITS.stringLength, nullable: true },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'method', 'url'],
      properties: {
        kind: { type: 'string', const: 'http' },
        method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        url: { ...TEMPLATE, minLength: 1 },
        headers: { type: 'object', nullable: true, required: [], maxProperties: 50, additionalProperties: TEMPLATE, propertyNames: { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$" } },
        body: { ...TEMPLATE, nullable: true },
        timeout_ms: { type: 'integer', minimum: 1, maximum: 600_000, nullable: true },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'server', 'tool'],
      properties: { kind: { type: 'string', const: 'mcp' }, server: NAME, tool: NAME },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'name'],
      properties: { kind: { type: 'string', const: 'builtin' }, name: { type: 'string', enum: ['calculator', 'current_time'] } },
    },
  ],
};

export const toolNode: NodeSpec<'tool'> = {
  type: 'tool',
  label: 'Tool',
  description: "A tool Claude can call. Attach it to a prompt, vision or thinking node's tools handle.",
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'input_schema', 'implementation'],
    properties: {
      name: { type: 'string', pattern: TOOL_NAME_PATTERN },
      description: { type: 'string', maxLength: 10_000, nullable: true },
      input_schema: EMBEDDED_SCHEMA,
      implementation,
    },
  },
  defaults: {
    name: 'lookup',
    description: 'Describe when Claude should call this tool.',
    input_schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    implementation: { kind: 'mock', response: { result: 'mock result' } },
  },
  ports: { inputs: [], outputs: [TOOL_HANDLE] },
  outputFields: ['input', 'output', 'is_error'],
  capabilities: { isToolProvider: true },
  templates: httpTemplates,
  configIssues: httpToolIssues,
};

/** Only an http tool renders templates, over the tool call's scope (`{{args.*}}`, `{{secrets.*}}`). */
function httpTemplates(config: ToolConfig): ConfigTemplate[] {
  const implementation = config.implementation;
  if (implementation.kind !== 'http') return [];
  const tool = (source: string, ...path: (string | number)[]): ConfigTemplate => ({ path: ['implementation', ...path], source, scope: 'tool' });
  const fields = [tool(implementation.url, 'url')];
  for (const [name, value] of Object.entries(implementation.headers ?? {})) fields.push(tool(value, 'headers', name));
  if (implementation.body !== undefined) fields.push(tool(implementation.body, 'body'));
  return fields;
}
