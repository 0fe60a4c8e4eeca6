import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { callsClaude, capabilitiesOf, getNodeSpec, NODE_SPECS, routeLabels, typesThat, type NodeCapabilities } from '../../../shared/nodes';
import { validateWorkflow } from '../../../shared/validate-workflow';
import { buildWorkflowSchema } from '../../../shared/validation/build-workflow-schema';
import { NODE_TYPES } from '../../../shared/workflow-types';
import { edge, tinyWith } from './tiny-workflow';

describe('node specs', () => {
  it('registers every node type exactly once, in a stable order', () => {
    expect(NODE_SPECS.map((spec) => spec.type)).toEqual(['input', 'prompt', 'tool', 'vision', 'thinking', 'branch', 'output']);
    expect(new Set(NODE_SPECS.map((spec) => spec.type))).toEqual(new Set(NODE_TYPES));
  });

  it('getNodeSpec throws on an unknown type, including prototype names', () => {
    expect(getNodeSpec('prompt').label).toBe('Prompt');
    expect(() => getNodeSpec('webhook')).toThrow(/Unknown node type "webhook"/);
    expect(() => getNodeSpec('constructor')).toThrow(/Unknown node type/);
  });

  it('every config schema compiles in ajv strict mode and accepts the defaults', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, discriminator: true });
    for (const spec of NODE_SPECS) {
      const validate = ajv.compile(spec.configSchema);
      expect(validate(spec.defaults), `${spec.type}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each(NODE_SPECS.filter((spec) => spec.type !== 'input').map((spec) => [spec.type, spec] as const))('a fresh %s node with defaults validates in a workflow', (type, spec) => {
    const workflow = tinyWith((w) => {
      w.inputs = { type: 'object', properties: { question: { type: 'string' }, image: { type: 'string' } } };
      w.nodes.push({ id: `new_${type}`, type, position: { x: 0, y: 300 }, config: structuredClone(spec.defaults) } as never);
      if (type === 'tool') w.edges.push(edge('attach', `new_${type}`, 'ask', { targetHandle: 'tools' }));
      else w.edges.push(edge('feed', 'input', `new_${type}`));
      if (type === 'branch') w.edges.push(edge('yes', 'new_branch', 'done', { sourceHandle: 'yes' }), edge('no', 'new_branch', 'done', { sourceHandle: 'no' }));
    });
    const result = validateWorkflow(workflow);
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((issue) => issue.rule !== 'output.none')).toEqual([]);
  });

  it('declares capabilities consistent with tool attachment, routes, input and output', () => {
    const typesWith = (capability: keyof NodeCapabilities) => NODE_SPECS.filter((spec) => spec.capabilities[capability] !== undefined).map((spec) => spec.type);
    expect(typesWith('acceptsTools')).toEqual(['prompt', 'vision', 'thinking']);
    expect(typesWith('hasConversation')).toEqual(['prompt', 'vision', 'thinking']);
    expect(typesWith('callsClaude')).toEqual(['prompt', 'vision', 'thinking', 'branch']);
    expect(typesWith('isToolProvider')).toEqual(['tool']);
    expect(typesWith('routes')).toEqual(['branch']);
    expect(typesWith('isInput')).toEqual(['input']);
    expect(typesWith('collectsOutputs')).toEqual(['output']);
    expect(getNodeSpec('branch').ports.outputs).toEqual([]);
    expect(getNodeSpec('input').ports.inputs).toEqual([]);
    expect(getNodeSpec('output').ports.outputs).toEqual([]);
    expect(getNodeSpec('thinking').outputFields).toContain('thinking');
    expect(getNodeSpec('prompt').outputFields).toEqual(['text', 'json', 'stop_reason', 'usage', 'messages']);
  });

  it('answers capability questions from the config, and tolerates a half-edited one on the canvas', () => {
    expect(callsClaude({ type: 'prompt', config: {} })).toBe(true);
    expect(callsClaude({ type: 'branch', config: { mode: 'match' } })).toBe(false);
    expect(callsClaude({ type: 'branch', config: { mode: 'claude' } })).toBe(true);
    expect(callsClaude({ type: 'branch', config: undefined })).toBe(false);
    expect(routeLabels({ type: 'branch', config: { routes: [{ label: 'a' }, { label: 'b' }] } })).toEqual(['a', 'b']);
    expect(routeLabels({ type: 'branch', config: {} })).toBeUndefined();
    expect(() => capabilitiesOf('webhook')).toThrow(/Unknown node type "webhook"/);
    expect(typesThat('acceptsTools')).toBe('prompt, vision or thinking');
  });

  it('shared/workflow.schema.json is exactly the schema built from the specs', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/workflow.schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(buildWorkflowSchema())));
  });
});
