import type { GraphEdge, GraphNode } from './graph-like';
import { adjacency } from './adjacency';
import { findCycle } from './find-cycle';

/**
 * Node ids so that every edge's source comes before its target. Among nodes that are ready at the
 * same time the one earlier in the file goes first, so the order is reproducible. Throws on a
 * cycle (validate first); edges naming unknown nodes are ignored.
 */
export function topologicalOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] {
  const cycle = findCycle(nodes, edges);
  if (cycle) throw new Error(`Graph has a cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  const fileIndex = new Map(nodes.map((node, index) => [node.id, index]));
  const children = adjacency(nodes, edges, 'forward');
  const waitingOn = new Map<string, number>(nodes.map((node) => [node.id, 0]));
  for (const list of children.values()) for (const child of list) waitingOn.set(child, (waitingOn.get(child) ?? 0) + 1);
  // Ready ids kept sorted by file index, descending, so pop() yields the earliest.
  const ready = nodes.filter((node) => waitingOn.get(node.id) === 0).map((node) => node.id).reverse();
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.pop() as string;
    order.push(id);
    for (const child of children.get(id) ?? []) {
      const remaining = (waitingOn.get(child) ?? 0) - 1;
      waitingOn.set(child, remaining);
      if (remaining === 0) insertByFileOrder(ready, child, fileIndex);
    }
  }
  return order;
}

function insertByFileOrder(ready: string[], id: string, fileIndex: Map<string, number>): void {
  const rank = fileIndex.get(id) ?? 0;
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((fileIndex.get(ready[mid] as string) ?? 0) > rank) low = mid + 1;
    else high = mid;
  }
  ready.splice(low, 0, id);
}
