import type { NodeType } from '../workflow-types';
import { NODE_TYPES } from '../workflow-types';
import { branchNode } from './branch';
import { inputNode } from './input';
import type { NodeSpec } from './node-spec';
import { outputNode } from './output';
import { promptNode } from './prompt';
import { thinkingNode } from './thinking';
import { toolNode } from './tool';
import { visionNode } from './vision';

export type { NodePorts, NodeSpec } from './node-spec';
export { IN_HANDLE, OUT_HANDLE, TOOL_HANDLE } from './node-spec';

type AnyNodeSpec = { [T in NodeType]: NodeSpec<T> }[NodeType];

/** The one registry of node types (STYLE §1); the server's runner registry must list the same types. */
export const NODE_SPECS: readonly AnyNodeSpec[] = [inputNode, promptNode, toolNode, visionNode, thinkingNode, branchNode, outputNode];

const byType = new Map<string, AnyNodeSpec>();
for (const spec of NODE_SPECS) {
  if (byType.has(spec.type)) throw new Error(`Node type "${spec.type}" is registered twice in NODE_SPECS.`);
  byType.set(spec.type, spec);
}
const missing = NODE_TYPES.filter((type) => !byType.has(type));
if (missing.length > 0) throw new Error(`NODE_SPECS lacks node types: ${missing.join(', ')}.`);

/** The spec of `type`; throws on an unknown type so a typo can never pass silently. */
export function getNodeSpec<T extends NodeType>(type: T): NodeSpec<T>;
export function getNodeSpec(type: string): AnyNodeSpec;
export function getNodeSpec(type: string): unknown {
  const spec = byType.get(type);
  if (!spec) throw new Error(`Unknown node type "${type}". Known types: ${NODE_SPECS.map((s) => s.type).join(', ')}.`);
  return spec;
}

export function isNodeType(type: unknown): type is NodeType {
  return typeof type === 'string' && byType.has(type);
}
