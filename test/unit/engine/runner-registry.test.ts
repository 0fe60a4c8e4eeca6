import { describe, expect, it } from 'vitest';
import { NODE_SPECS } from '../../../shared/nodes';
import { indexRunners, NODE_RUNNERS, runnerFor } from '../../../server/engine/nodes';
import type { NodeRunner } from '../../../server/engine/node-runner';

describe('node runner registry', () => {
  it('lists exactly the node types of NODE_SPECS, in the same order', () => {
    expect(NODE_RUNNERS.map((runner) => runner.type)).toEqual(NODE_SPECS.map((spec) => spec.type));
  });

  it('schedules every type except tool, which runs inside the tool loop', () => {
    expect(NODE_RUNNERS.filter((runner) => !runner.scheduled).map((runner) => runner.type)).toEqual(['tool']);
  });

  it('throws on an unknown or duplicate type', () => {
    expect(() => runnerFor('webhook')).toThrow('unknown node type "webhook"');
    const input = NODE_RUNNERS[0] as NodeRunner;
    expect(() => indexRunners([input, input])).toThrow('duplicate node runner for type "input"');
    expect(() => indexRunners([{ ...input, type: 'webhook' } as unknown as NodeRunner])).toThrow('unknown type "webhook"');
  });
});
