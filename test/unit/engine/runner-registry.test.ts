import { describe, expect, it } from 'vitest';
import { listNodeSpecs, NODE_SPECS, registerNodeSpec } from '../../../shared/nodes';
import { listRunners, NODE_RUNNERS, registerRunner, runnerFor } from '../../../server/engine/nodes';
import type { NodeRunner } from '../../../server/engine/node-runner';
import type { NodeSpec } from '../../../shared/nodes';

describe('node runner registry', () => {
  it('lists exactly the node types of NODE_SPECS, in the same order', () => {
    expect(NODE_RUNNERS.map((runner) => runner.type)).toEqual(NODE_SPECS.map((spec) => spec.type));
    expect(listRunners().map((runner) => runner.type)).toEqual(listNodeSpecs().map((spec) => spec.type));
  });

  it('throws on an unknown type, including prototype names', () => {
    expect(() => runnerFor('webhook')).toThrow('Unknown node type "webhook" (no node runner)');
    expect(() => runnerFor('constructor')).toThrow('Unknown node type "constructor"');
  });

  it('throws on a second runner or spec for a type', () => {
    const input = NODE_RUNNERS[0] as NodeRunner;
    expect(() => registerRunner(input)).toThrow('Node type "input" has a second node runner');
    expect(() => registerNodeSpec(NODE_SPECS[0] as NodeSpec)).toThrow('Node type "input" has a second node spec');
  });

  it('refuses a runner for a type with no spec', () => {
    expect(() => registerRunner({ ...(NODE_RUNNERS[0] as NodeRunner), type: 'webhook' } as unknown as NodeRunner)).toThrow('type "webhook", which has no node spec');
  });

  it('registration is undone by the function it returns', () => {
    const spec = { ...(NODE_SPECS[0] as NodeSpec), type: 'webhook' } as unknown as NodeSpec;
    const unregisterSpec = registerNodeSpec(spec);
    const unregisterRunner = registerRunner({ ...(NODE_RUNNERS[0] as NodeRunner), type: 'webhook' } as unknown as NodeRunner);
    expect(runnerFor('webhook').type).toBe('webhook');
    unregisterRunner();
    unregisterSpec();
    expect(() => runnerFor('webhook')).toThrow('Unknown node type');
    expect(listNodeSpecs()).toHaveLength(NODE_SPECS.length);
  });
});
