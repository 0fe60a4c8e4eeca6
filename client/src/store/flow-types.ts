import type { Edge, Node } from '@xyflow/react';
import type { NodeConfigByType } from '../../../shared/node-configs';
import type { NodeType, Workflow } from '../../../shared/workflow-types';

/** A workflow node as React Flow holds it: the config lives in `data`, the type picks the view. */
export type FlowNodeData<T extends NodeType = NodeType> = { config: NodeConfigByType[T]; label?: string };
export type FlowNode = Node<FlowNodeData, NodeType>;
export type FlowEdge = Edge;

/** Everything in a workflow document except its graph. */
export type WorkflowMeta = Omit<Workflow, 'nodes' | 'edges'>;

/** One undoable state of the document. */
export interface DocumentSnapshot {
  meta: WorkflowMeta;
  nodes: FlowNode[];
  edges: FlowEdge[];
}
