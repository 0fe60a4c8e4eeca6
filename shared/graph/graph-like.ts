import type { WorkflowEdge } from '../workflow-types';

/**
 * The minimal shape the graph helpers need, so the canvas can pass its own node objects
 * (React Flow nodes carry extra fields) without converting them to a full Workflow first.
 */
export interface GraphNode {
  id: string;
  type: string;
  /** Only read by `canConnect` for branch route labels; anything else is ignored. */
  config?: unknown;
}

export type GraphEdge = Pick<WorkflowEdge, 'source' | 'target' | 'sourceHandle' | 'targetHandle'> & { id?: string };

export interface GraphLike {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}
