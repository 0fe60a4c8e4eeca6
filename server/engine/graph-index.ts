import { dataflowEdges, toolAttachments } from '../../shared/graph';
import { capabilitiesOf } from '../../shared/nodes';
import type { Workflow, WorkflowEdge, WorkflowNode, WorkflowNodeOf } from '../../shared/workflow-types';

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
  /** Tool providers attached (through the `tools` handle) to a node that accepts tools. */
  toolsOf: ReadonlyMap<string, readonly WorkflowNodeOf<'tool'>[]>;
}

export function buildGraphIndex(workflow: Workflow): GraphIndex {
  const byId = new Map(workflow.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, WorkflowEdge[]>(workflow.nodes.map((node) => [node.id, []]));
  const outgoing = new Map<string, WorkflowEdge[]>(workflow.nodes.map((node) => [node.id, []]));
  const toolsOf = new Map<string, WorkflowNodeOf<'tool'>[]>();
  for (const [callerId, toolIds] of toolAttachments(workflow)) {
    toolsOf.set(callerId, toolIds.map((id) => byId.get(id)).filter((node): node is WorkflowNodeOf<'tool'> => node !== undefined && capabilitiesOf(node.type).isToolProvider === true));
  }
  for (const edge of dataflowEdges(workflow)) {
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
