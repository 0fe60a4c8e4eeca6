import type { NodeSpec } from './node-spec';
import { OUT_HANDLE } from './node-spec';

export const inputNode: NodeSpec<'input'> = {
  type: 'input',
  label: 'Input',
  description: "The run's input, validated against the workflow's `inputs` schema. Exactly one per workflow.",
  configSchema: { type: 'object', additionalProperties: false, required: [] },
  defaults: {},
  ports: { inputs: [], outputs: [OUT_HANDLE] },
  outputFields: [],
  openOutput: true,
  capabilities: { isInput: true },
};
