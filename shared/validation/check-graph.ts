import { findCycle } from '../graph';
import { capabilitiesOf, getNodeSpec, routeLabels, typesThat } from '../nodes';
import { TOOLS_HANDLE, type WorkflowEdge, type WorkflowNode } from '../workflow-types';
import type { CheckContext } from './check-context';

/** Names that templates resolve specially, so no node may take them (only the input node may be `input`). */
const RESERVED_IDS = new Set(['secrets', 'args']);

/**
 * Ids, edges and handles, the input-node count, tool attachment and cycles. Returns false when the
 * graph is too broken (duplicate ids, dangling edges, a cycle) for upstream-based checks to mean anything.
 */
export function checkGraph(ctx: CheckContext): boolean {
  let sound = checkNodeIds(ctx);
  sound = checkEdgeIds(ctx) && sound;
  checkInputCount(ctx);
  for (const [index, edge] of ctx.workflow.edges.entries()) {
    const source = ctx.nodeById.get(edge.source);
    const target = ctx.nodeById.get(edge.target);
    if (!source) ctx.edgeIssue('error', index, 'edge.dangling', 'source', `source "${edge.source}" is not a node of this workflow.`);
    if (!target) ctx.edgeIssue('error', index, 'edge.dangling', 'target', `target "${edge.target}" is not a node of this workflow.`);
    if (!source || !target) {
      sound = false;
      continue;
    }
    checkHandles(ctx, index, edge, source, target);
  }
  checkDuplicateConnections(ctx);
  checkToolAttachments(ctx);
  if (!ctx.workflow.nodes.some((node) => capabilitiesOf(node.type).collectsOutputs)) {
    ctx.documentIssue('warning', 'output.none', '/nodes', 'The workflow has no output node, so a run returns no outputs.');
  }
  const cycle = findCycle(ctx.workflow.nodes, ctx.workflow.edges);
  if (cycle) {
    const [first] = cycle as [string];
    ctx.nodeIssue('error', ctx.nodeById.get(first) as WorkflowNode, 'graph.cycle', [], `is part of a cycle ${[...cycle, first].join(' → ')}; workflows must be acyclic.`);
    sound = false;
  }
  return sound;
}

function checkNodeIds(ctx: CheckContext): boolean {
  let sound = true;
  const seen = new Set<string>();
  ctx.workflow.nodes.forEach((node, index) => {
    if (seen.has(node.id)) {
      ctx.documentIssue('error', 'node.duplicate_id', `/nodes/${index}/id`, `Node #${index}: id "${node.id}" is already used by another node.`, node.id);
      sound = false;
    }
    seen.add(node.id);
    if (RESERVED_IDS.has(node.id) || (node.id === 'input' && !capabilitiesOf(node.type).isInput)) {
      ctx.documentIssue('error', 'node.reserved_id', `/nodes/${index}/id`, `Node #${index}: "${node.id}" is a reserved template root and cannot be used as this node's id.`, node.id);
    }
  });
  return sound;
}

function checkEdgeIds(ctx: CheckContext): boolean {
  const seen = new Set<string>();
  let sound = true;
  ctx.workflow.edges.forEach((edge, index) => {
    if (seen.has(edge.id)) {
      ctx.edgeIssue('error', index, 'edge.duplicate_id', 'id', `id "${edge.id}" is already used by another edge.`);
      sound = false;
    }
    seen.add(edge.id);
  });
  return sound;
}

function checkInputCount(ctx: CheckContext): void {
  const inputs = ctx.workflow.nodes.flatMap((node, index) => (capabilitiesOf(node.type).isInput ? [index] : []));
  if (inputs.length === 0) ctx.documentIssue('error', 'input.count', '/nodes', 'The workflow needs exactly one input node; it has none.');
  for (const index of inputs.slice(1)) {
    const node = ctx.workflow.nodes[index] as WorkflowNode;
    ctx.nodeIssue('error', node, 'input.count', [], `is a second input node; a workflow has exactly one.`);
  }
}

function checkHandles(ctx: CheckContext, index: number, edge: WorkflowEdge, source: WorkflowNode, target: WorkflowNode): void {
  const sourcePorts = getNodeSpec(source.type).ports;
  const targetPorts = getNodeSpec(target.type).ports;
  const from = capabilitiesOf(source.type);
  const to = capabilitiesOf(target.type);
  if (from.isToolProvider) {
    if (edge.targetHandle !== TOOLS_HANDLE || !to.acceptsTools) {
      ctx.edgeIssue('error', index, 'tool.bad_target', 'target', `tool "${source.id}" can only attach to the tools handle of a ${typesThat('acceptsTools')} node, not to ${target.type} node "${target.id}"${edge.targetHandle ? ` (handle "${edge.targetHandle}")` : ''}.`);
    }
    if (edge.sourceHandle !== undefined && !sourcePorts.outputs.includes(edge.sourceHandle)) {
      ctx.edgeIssue('error', index, 'edge.bad_handle', 'sourceHandle', `tool "${source.id}" has no output handle "${edge.sourceHandle}".`);
    }
    return;
  }
  if (edge.targetHandle === TOOLS_HANDLE) {
    ctx.edgeIssue('error', index, 'edge.bad_handle', 'targetHandle', `only tool nodes connect into a tools handle, but "${source.id}" is a ${source.type} node.`);
    return;
  }
  if (to.isInput) ctx.edgeIssue('error', index, 'edge.into_input', 'target', `nothing may flow into the input node "${target.id}".`);
  if (from.collectsOutputs) ctx.edgeIssue('error', index, 'edge.from_output', 'source', `output node "${source.id}" cannot have outgoing edges.`);
  if (from.routes) {
    const labels = routeLabels(source) ?? [];
    if (edge.sourceHandle === undefined || !labels.includes(edge.sourceHandle)) {
      const handle = edge.sourceHandle === undefined ? 'no route handle' : `route "${edge.sourceHandle}"`;
      ctx.edgeIssue('error', index, 'branch.unknown_route', 'sourceHandle', `leaves branch "${source.id}" through ${handle}; its routes are ${labels.join(', ')}.`);
    }
  } else if (edge.sourceHandle !== undefined && !sourcePorts.outputs.includes(edge.sourceHandle)) {
    ctx.edgeIssue('error', index, 'edge.bad_handle', 'sourceHandle', `${source.type} node "${source.id}" has no output handle "${edge.sourceHandle}".`);
  }
  const targetHandles = to.acceptsTools ? [...targetPorts.inputs, TOOLS_HANDLE] : targetPorts.inputs;
  if (edge.targetHandle !== undefined && !targetHandles.includes(edge.targetHandle)) {
    ctx.edgeIssue('error', index, 'edge.bad_handle', 'targetHandle', `${target.type} node "${target.id}" has no input handle "${edge.targetHandle}".`);
  }
}

function checkDuplicateConnections(ctx: CheckContext): void {
  const seen = new Set<string>();
  ctx.workflow.edges.forEach((edge, index) => {
    const key = JSON.stringify([edge.source, edge.sourceHandle ?? '', edge.target, edge.targetHandle ?? '']);
    if (seen.has(key)) ctx.edgeIssue('warning', index, 'edge.duplicate', undefined, `repeats an earlier edge from "${edge.source}" to "${edge.target}".`);
    seen.add(key);
  });
}

function checkToolAttachments(ctx: CheckContext): void {
  const attached = new Set(ctx.workflow.edges.filter((edge) => edge.targetHandle === TOOLS_HANDLE).map((edge) => edge.source));
  for (const node of ctx.workflow.nodes) {
    if (capabilitiesOf(node.type).isToolProvider && !attached.has(node.id)) {
      ctx.nodeIssue('warning', node, 'tool.unattached', [], `is not attached to any ${typesThat('acceptsTools')} node, so Claude never sees it.`);
    }
  }
}
