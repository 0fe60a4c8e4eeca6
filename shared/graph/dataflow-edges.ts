import { TOOLS_HANDLE } from '../workflow-types';
import type { GraphEdge } from './graph-like';

/** An edge into a `tools` handle attaches a tool; it carries no data and is not a scheduling dependency. */
export function isToolAttachment(edge: GraphEdge): boolean {
  return edge.targetHandle === TOOLS_HANDLE;
}

/** The edges that carry data between nodes, in file order. */
export function dataflowEdges<E extends GraphEdge>(workflow: { edges: readonly E[] }): E[] {
  return workflow.edges.filter((edge) => !isToolAttachment(edge));
}
