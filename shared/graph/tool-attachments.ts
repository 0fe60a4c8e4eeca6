import type { GraphLike } from './graph-like';
import { isToolAttachment } from './dataflow-edges';

/**
 * Calling node id → ids of the tool nodes attached to it, in edge file order, without duplicates.
 * Only calling nodes with at least one attachment appear. Edges naming unknown nodes are ignored.
 */
export function toolAttachments(workflow: GraphLike): Map<string, string[]> {
  const known = new Set(workflow.nodes.map((node) => node.id));
  const attachments = new Map<string, string[]>();
  for (const edge of workflow.edges) {
    if (!isToolAttachment(edge) || !known.has(edge.source) || !known.has(edge.target)) continue;
    const tools = attachments.get(edge.target) ?? [];
    if (!tools.includes(edge.source)) tools.push(edge.source);
    attachments.set(edge.target, tools);
  }
  return attachments;
}
