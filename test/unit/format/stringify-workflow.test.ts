import { describe, expect, it } from 'vitest';
import { stringifyWorkflow } from '../../../shared/format';
import type { Workflow } from '../../../shared/workflow-types';
import { tinyWorkflow } from './tiny-workflow';

describe('stringifyWorkflow', () => {
  it('writes fixed key orders whatever order the object was built in', () => {
    const scrambled = {
      edges: [{ targetHandle: 'tools', target: 'ask', source: 'w', id: 'e9' }],
      nodes: [{ config: { z: 1, a: 2 }, position: { y: 5, x: 3 }, label: 'Ask', type: 'prompt', id: 'ask' }],
      defaults: { max_tokens: 10, model: 'm' },
      samples: [],
      inputs: { type: 'object' },
      description: 'd',
      name: 'N',
      id: 'x',
      version: 1,
      format: 'trellis.workflow',
    } as unknown as Workflow;
    const parsed = JSON.parse(stringifyWorkflow(scrambled));
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'id', 'name', 'description', 'inputs', 'samples', 'defaults', 'nodes', 'edges']);
    expect(Object.keys(parsed.nodes[0])).toEqual(['id', 'type', 'label', 'position', 'config']);
    expect(Object.keys(parsed.nodes[0].position)).toEqual(['x', 'y']);
    expect(Object.keys(parsed.edges[0])).toEqual(['id', 'source', 'target', 'targetHandle']);
    // Other objects keep insertion order.
    expect(Object.keys(parsed.nodes[0].config)).toEqual(['z', 'a']);
    expect(Object.keys(parsed.defaults)).toEqual(['max_tokens', 'model']);
  });

  it('uses 2-space indentation and a trailing newline, and drops undefined fields', () => {
    const workflow = tinyWorkflow();
    workflow.description = undefined;
    const text = stringifyWorkflow(workflow);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "trellis.workflow",');
    expect(text).not.toContain('description');
  });

  it('round-trips byte for byte', () => {
    const once = stringifyWorkflow(tinyWorkflow());
    expect(stringifyWorkflow(JSON.parse(once))).toBe(once);
  });

  it('keeps unknown keys after the known ones and never touches prototypes', () => {
    const hostile = JSON.parse('{"extra":1,"id":"x","__proto__":{"polluted":true}}');
    const text = stringifyWorkflow(hostile);
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'extra', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const workflow = tinyWorkflow();
    const before = JSON.stringify(workflow);
    stringifyWorkflow(workflow);
    expect(JSON.stringify(workflow)).toBe(before);
  });
});
