import type { GraphEdge, GraphNode } from './graph-like';
import { adjacency } from './adjacency';

const UNVISITED = 0;
const ON_STACK = 1;
const DONE = 2;

/**
 * The node ids of one cycle in path order (`[a, b, c]` for a → b → c → a; `[a]` for a self loop),
 * or null for a DAG. Iterative so a long chain cannot overflow the stack; starts from nodes in file
 * order so the reported cycle is the same on every call.
 */
export function findCycle(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] | null {
  const next = adjacency(nodes, edges, 'forward');
  const state = new Map<string, number>();
  for (const start of nodes) {
    if ((state.get(start.id) ?? UNVISITED) !== UNVISITED) continue;
    const path: string[] = [start.id];
    const cursor: number[] = [0];
    state.set(start.id, ON_STACK);
    while (path.length > 0) {
      const depth = path.length - 1;
      const current = path[depth] as string;
      const children = next.get(current) ?? [];
      const index = cursor[depth] as number;
      if (index >= children.length) {
        state.set(current, DONE);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[depth] = index + 1;
      const child = children[index] as string;
      const childState = state.get(child) ?? UNVISITED;
      if (childState === ON_STACK) return path.slice(path.indexOf(child));
      if (childState === UNVISITED) {
        state.set(child, ON_STACK);
        path.push(child);
        cursor.push(0);
      }
    }
  }
  return null;
}
