import type { Workflow, WorkflowEdge, WorkflowNode } from '../../../shared/workflow-types';
import type { DocumentSnapshot, FlowEdge, FlowNode } from './flow-types';

/** Splits a workflow document into React Flow nodes and edges plus the rest (meta). */
export function workflowToFlow(workflow: Workflow): DocumentSnapshot {
  const { nodes, edges, ...meta } = workflow;
  return {
    meta,
    nodes: nodes.map(
      (node): FlowNode => ({
        id: node.id,
        type: node.type,
        position: { x: node.position.x, y: node.position.y },
        data: node.label === undefined ? { config: node.config } : { config: node.config, label: node.label },
      }),
    ),
    edges: edges.map((edge): FlowEdge => ({ ...edge })),
  };
}

/**
 * The inverse of workflowToFlow: only the fields of the file format survive (React Flow adds
 * `selected`, `measured`, `dragging`, … which must never reach a saved file). Positions are rounded
 * so a drag does not write sub-pixel noise into diffs.
 */
export function flowToWorkflow(snapshot: DocumentSnapshot): Workflow {
  return {
    ...snapshot.meta,
    nodes: snapshot.nodes.map((node) => {
      const out = { id: node.id, type: node.type, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) }, config: node.data.config } as WorkflowNode;
      if (node.data.label !== undefined && node.data.label !== '') out.label = node.data.label;
      return out;
    }),
    edges: snapshot.edges.map((edge) => {
      const out: WorkflowEdge = { id: edge.id, source: edge.source, target: edge.target };
      if (edge.sourceHandle) out.sourceHandle = edge.sourceHandle;
      if (edge.targetHandle) out.targetHandle = edge.targetHandle;
      return out;
    }),
  };
}
