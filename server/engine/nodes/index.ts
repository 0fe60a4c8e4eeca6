import { isNodeType, NODE_SPECS } from '../../../shared/nodes';
import { TypeRegistry } from '../../../shared/nodes/type-registry';
import type { NodeRunner } from '../node-runner';
import { branchRunner } from './branch';
import { inputRunner } from './input';
import { outputRunner } from './output';
import { promptRunner } from './prompt';
import { thinkingRunner } from './thinking';
import { toolRunner } from './tool';
import { visionRunner } from './vision';

/** The built-in runners (STYLE §1); a test proves they list exactly the types of NODE_SPECS. */
export const NODE_RUNNERS: readonly NodeRunner[] = [inputRunner, promptRunner, toolRunner, visionRunner, thinkingRunner, branchRunner, outputRunner];

const runners = new TypeRegistry<NodeRunner>('node runner', []);
for (const runner of NODE_RUNNERS) registerRunner(runner);
const missing = NODE_SPECS.filter((spec) => !runners.has(spec.type));
if (missing.length > 0) throw new Error(`NODE_RUNNERS lacks node types: ${missing.map((spec) => spec.type).join(', ')}.`);

/** The runner of `type`; throws on an unknown type. */
export function runnerFor(type: string): NodeRunner {
  return runners.get(type);
}

/** Every registered runner: the built-ins, then any registered with `registerRunner`. */
export function listRunners(): NodeRunner[] {
  return runners.list();
}

/**
 * Adds the runner of a type registered with shared/nodes `registerNodeSpec` (a test-only type, a
 * plugin); returns the undo. Throws for a type with no spec or one that already has a runner.
 */
export function registerRunner(runner: NodeRunner): () => void {
  if (!isNodeType(runner.type)) throw new Error(`A node runner for type "${runner.type}", which has no node spec; register the spec first.`);
  return runners.add(runner);
}
