import type { JSONSchemaType } from 'ajv/dist/2020';
import type { OutputConfig } from '../node-configs';
import type { NodeSpec } from './node-spec';
import { IN_HANDLE } from './node-spec';
import { TEMPLATE } from './json-leaves';

// A string-or-map union: JSONSchemaType cannot express `type` alternatives inside one property,
// so the union is written as oneOf and asserted; the unit tests pin both accepted shapes.
const value = {
  oneOf: [TEMPLATE, { type: 'object', minProperties: 1, maxProperties: 200, additionalProperties: TEMPLATE, propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]{0,63}$' } }],
} as unknown as JSONSchemaType<OutputConfig>['properties']['value'];

export const outputNode: NodeSpec<'output'> = {
  type: 'output',
  label: 'Output',
  description: "Collects the run's result: one template, or named templates.",
  configSchema: { type: 'object', additionalProperties: false, required: ['value'], properties: { value } },
  defaults: { value: '{{input}}' },
  ports: { inputs: [IN_HANDLE], outputs: [] },
  outputFields: [],
  openOutput: true,
  capabilities: { collectsOutputs: true },
  templates: ({ value }) =>
    typeof value === 'string' ? [{ path: ['value'], source: value, scope: 'run' }] : Object.entries(value).map(([key, source]) => ({ path: ['value', key], source, scope: 'run' })),
};
