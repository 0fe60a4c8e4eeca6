export type { GraphEdge, GraphLike, GraphNode } from './graph-like';
export { dataflowEdges, isToolAttachment } from './dataflow-edges';
export { toolAttachments } from './tool-attachments';
export { predecessors } from './predecessors';
export { successors } from './successors';
export { upstreamNodeIds } from './upstream-node-ids';
export { findCycle } from './find-cycle';
export { topologicalOrder } from './topological-order';
export { canConnect, type Connection, type ConnectionVerdict } from './can-connect';
