import type { GraphLike } from './graph-like';
import { predecessors } from './predecessors';

/**
 * Every node that can reach `nodeId` along dataflow edges (transitively), in file order, excluding
 * `nodeId` itself. These are exactly the node ids a template of `nodeId` may reference.
 */
export function upstreamNodeIds(workflow: GraphLike, nodeId: string): string[] {
  const parents = predecessors(workflow);
  const seen = new Set<string>();
  const stack = [...(parents.get(nodeId) ?? [])];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(parents.get(current) ?? []));
  }
  seen.delete(nodeId);
  return workflow.nodes.map((node) => node.id).filter((id) => seen.has(id));
}
