import { listNodeSpecs } from '../nodes';
import { CURRENT_FORMAT_VERSION, WORKFLOW_FORMAT } from '../workflow-types';
import { LIMITS } from './limits';

export const WORKFLOW_SCHEMA_ID = 'https://trellis.dev/schemas/workflow.schema.json';
export const NODE_ID_PATTERN = '^[a-z][a-z0-9_]{0,63}$';
export const WORKFLOW_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

const NAME = { type: 'string', minLength: 1, maxLength: LIMITS.nameLength };
const HANDLE = { type: 'string', minLength: 1, maxLength: 64 };

/**
 * The whole-file JSON Schema (2020-12), assembled from the node specs so the per-type config
 * schemas exist once. shared/workflow.schema.json is this object written out for editors and other
 * tools; a unit test fails when the file and this builder disagree.
 */
export function buildWorkflowSchema(): Record<string, unknown> {
  // Every registered type: the built-ins, plus any registered at run time (tests, plugins).
  const specs = listNodeSpecs();
  const nodeDefs = Object.fromEntries(
    specs.map((spec) => [
      `${spec.type}_node`,
      {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'position', 'config'],
        properties: {
          id: { type: 'string', pattern: NODE_ID_PATTERN },
          type: { type: 'string', const: spec.type },
          label: { type: 'string', maxLength: LIMITS.nameLength },
          position: { $ref: '#/$defs/position' },
          config: { $ref: `#/$defs/${spec.type}_config` },
        },
      },
    ]),
  );
  const configDefs = Object.fromEntries(specs.map((spec) => [`${spec.type}_config`, spec.configSchema]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: WORKFLOW_SCHEMA_ID,
    title: `Trellis workflow (format version ${CURRENT_FORMAT_VERSION})`,
    type: 'object',
    additionalProperties: false,
    required: ['format', 'version', 'id', 'name', 'inputs', 'nodes', 'edges'],
    properties: {
      format: { type: 'string', const: WORKFLOW_FORMAT },
      version: { type: 'integer', const: CURRENT_FORMAT_VERSION },
      id: { type: 'string', pattern: WORKFLOW_ID_PATTERN },
      name: NAME,
      description: { type: 'string', maxLength: 10_000 },
      inputs: { type: 'object' },
      samples: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'input'],
          properties: { name: NAME, input: { type: 'object' } },
        },
      },
      defaults: {
        type: 'object',
        additionalProperties: false,
        properties: { model: NAME, max_tokens: { type: 'integer', minimum: 1, maximum: LIMITS.maxTokens } },
      },
      nodes: { type: 'array', maxItems: LIMITS.nodes, items: { $ref: '#/$defs/node' } },
      edges: { type: 'array', maxItems: LIMITS.edges, items: { $ref: '#/$defs/edge' } },
    },
    $defs: {
      node: {
        type: 'object',
        required: ['type'],
        discriminator: { propertyName: 'type' },
        oneOf: specs.map((spec) => ({ $ref: `#/$defs/${spec.type}_node` })),
      },
      edge: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source', 'target'],
        properties: { id: NAME, source: NAME, target: NAME, sourceHandle: HANDLE, targetHandle: HANDLE },
      },
      position: {
        type: 'object',
        additionalProperties: false,
        required: ['x', 'y'],
        properties: { x: { type: 'number' }, y: { type: 'number' } },
      },
      ...nodeDefs,
      ...configDefs,
    },
  };
}
