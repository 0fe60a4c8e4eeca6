import type { FlowEdge } from '../store/flow-types';
import type { RunState } from '../store/run-state';

/** Node ids → route taken, for branch nodes that have chosen one. */
export function takenRoutes(run: RunState): Record<string, string> {
  const routes: Record<string, string> = {};
  for (const [nodeId, node] of Object.entries(run.nodes)) if (node.route !== undefined) routes[nodeId] = node.route;
  return routes;
}

/** Ids of nodes the run skipped or is running; edges into them are drawn dimmed or animated. */
export function nodesWithStatus(run: RunState, status: 'skipped' | 'running'): Record<string, true> {
  const ids: Record<string, true> = {};
  for (const [nodeId, node] of Object.entries(run.nodes)) if (node.status === status) ids[nodeId] = true;
  return ids;
}

/**
 * Edges as drawn: a route a branch did not take, and edges into skipped nodes, are dimmed; edges
 * into a running node are animated. Untouched edges keep their identity.
 */
export function displayEdges(edges: readonly FlowEdge[], routes: Record<string, string>, skipped: Record<string, true>, running: Record<string, true>): FlowEdge[] {
  return edges.map((edge) => {
    const route = routes[edge.source];
    const dimmed = (route !== undefined && edge.sourceHandle != null && edge.sourceHandle !== route) || skipped[edge.target] === true;
    const animated = running[edge.target] === true;
    if (!dimmed && !animated) return edge;
    return { ...edge, className: dimmed ? 'edge--dimmed' : 'edge--live', animated };
  });
}
