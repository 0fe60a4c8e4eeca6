import type { GraphEdge, GraphNode } from './graph-like';

/**
 * node id → neighbour ids along the given edges, every node present as a key (possibly with an
 * empty list), neighbours in edge file order without duplicates. Edges naming unknown nodes are
 * ignored so the helpers stay total on half-edited or invalid graphs.
 */
export function adjacency(nodes: readonly GraphNode[], edges: readonly GraphEdge[], direction: 'forward' | 'backward'): Map<string, string[]> {
  const map = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    const from = direction === 'forward' ? edge.source : edge.target;
    const to = direction === 'forward' ? edge.target : edge.source;
    const list = map.get(from);
    if (!list || !map.has(to) || list.includes(to)) continue;
    list.push(to);
  }
  return map;
}
