import type { FlowNode } from './flow-types';

const lookups = new WeakMap<readonly FlowNode[], ReadonlyMap<string, FlowNode>>();

/**
 * A node of the document by id in O(1): per-row selectors (trace items, the inspector) run on
 * every store change, and a linear search each made a 500-node canvas quadratic while streaming.
 * The map is built once per nodes array (arrays are replaced, never mutated).
 */
export function nodeById(nodes: readonly FlowNode[], nodeId: string): FlowNode | undefined {
  let lookup = lookups.get(nodes);
  if (!lookup) {
    lookup = new Map(nodes.map((node) => [node.id, node]));
    lookups.set(nodes, lookup);
  }
  return lookup.get(nodeId);
}
