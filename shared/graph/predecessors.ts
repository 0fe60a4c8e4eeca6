import type { GraphLike } from './graph-like';
import { adjacency } from './adjacency';
import { dataflowEdges } from './dataflow-edges';

/** node id → ids of the nodes feeding it data (tool attachments excluded), in edge file order. */
export function predecessors(workflow: GraphLike): Map<string, string[]> {
  return adjacency(workflow.nodes, dataflowEdges(workflow), 'backward');
}
