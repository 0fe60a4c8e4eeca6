import { TOOLS_HANDLE, type Workflow, type WorkflowEdge, type WorkflowNode, type WorkflowNodeOf } from '../../shared/workflow-types';

/**
 * The engine's read-only index of a workflow: dataflow edges (everything except tool
 * attachments) by target and source, and the tool nodes attached to each calling node.
 * Lists keep file order so scheduling ties break the same way on every run.
 */
export interface GraphIndex {
  nodes: readonly WorkflowNode[];
  byId: ReadonlyMap<string, WorkflowNode>;
  /** Dataflow edges into a node, in file order. */
  incoming: ReadonlyMap<string, readonly WorkflowEdge[]>;
  /** Dataflow edges out of a node, in file order. */
  outgoing: ReadonlyMap<string, readonly WorkflowEdge[]>;
  /** Tool nodes attached (through the `tools` handle) to a prompt/vision/thinking node. */
  toolsOf: ReadonlyMap<string, readonly WorkflowNodeOf<'tool'>[]>;
}

export function isToolAttachment(edge: WorkflowEdge, byId: ReadonlyMap<string, WorkflowNode>): boolean {
  return edge.targetHandle === TOOLS_HANDLE || byId.get(edge.source)?.type === 'tool';
}

export function buildGraphIndex(workflow: Workflow): GraphIndex {
  const byId = new Map(workflow.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, WorkflowEdge[]>(workflow.nodes.map((node) => [node.id, []]));
  const outgoing = new Map<string, WorkflowEdge[]>(workflow.nodes.map((node) => [node.id, []]));
  const toolsOf = new Map<string, WorkflowNodeOf<'tool'>[]>();
  for (const edge of workflow.edges) {
    if (isToolAttachment(edge, byId)) {
      const tool = byId.get(edge.source);
      if (tool?.type !== 'tool') continue;
      const list = toolsOf.get(edge.target) ?? [];
      list.push(tool);
      toolsOf.set(edge.target, list);
      continue;
    }
    incoming.get(edge.target)?.push(edge);
    outgoing.get(edge.source)?.push(edge);
  }
  return { nodes: workflow.nodes, byId, incoming, outgoing, toolsOf };
}

/** Every node reachable from `start` along dataflow edges (excluding `start`). */
export function descendantsOf(index: GraphIndex, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const edge of index.outgoing.get(current) ?? []) {
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      stack.push(edge.target);
    }
  }
  return seen;
}
