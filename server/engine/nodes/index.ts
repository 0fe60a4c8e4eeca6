import { NODE_TYPES } from '../../../shared/workflow-types';
import type { NodeRunner } from '../node-runner';
import { branchRunner } from './branch';
import { inputRunner } from './input';
import { outputRunner } from './output';
import { promptRunner } from './prompt';
import { thinkingRunner } from './thinking';
import { toolRunner } from './tool';
import { visionRunner } from './vision';

/** The one list of runners (STYLE §1); a test proves it matches shared/nodes NODE_SPECS. */
export const NODE_RUNNERS: readonly NodeRunner[] = [inputRunner, promptRunner, toolRunner, visionRunner, thinkingRunner, branchRunner, outputRunner];

export function indexRunners(runners: readonly NodeRunner[]): ReadonlyMap<string, NodeRunner> {
  const byType = new Map<string, NodeRunner>();
  for (const runner of runners) {
    if (byType.has(runner.type)) throw new Error(`duplicate node runner for type "${runner.type}"`);
    if (!(NODE_TYPES as readonly string[]).includes(runner.type)) throw new Error(`node runner for unknown type "${runner.type}"`);
    byType.set(runner.type, runner);
  }
  return byType;
}

const RUNNERS = indexRunners(NODE_RUNNERS);

export function runnerFor(type: string): NodeRunner {
  const runner = RUNNERS.get(type);
  if (!runner) throw new Error(`unknown node type "${type}"`);
  return runner;
}
