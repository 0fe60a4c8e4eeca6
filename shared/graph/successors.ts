import type { GraphLike } from './graph-like';
import { adjacency } from './adjacency';
import { dataflowEdges } from './dataflow-edges';

/** node id → ids of the nodes it feeds data to (tool attachments excluded), in edge file order. */
export function successors(workflow: GraphLike): Map<string, string[]> {
  return adjacency(workflow.nodes, dataflowEdges(workflow), 'forward');
}
