import dagre from '@dagrejs/dagre';
import { capabilitiesOf, isNodeType } from '../../../shared/nodes';
import type { FlowEdge, FlowNode } from './flow-types';

const FALLBACK_WIDTH = 240;
const FALLBACK_HEIGHT = 96;
/** Room kept below nodes that stream an answer: it appears during a run and would overlap. */
const STREAM_ROOM = 84;

/**
 * Left-to-right layered layout. Returns new node objects with new positions (top-left corners,
 * as React Flow expects; dagre reports centres). Nodes keep their measured size when known.
 */
export function autoLayout(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): FlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: widthOf(node), height: heightOf(node) });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, position: { x: Math.round(placed.x - widthOf(node) / 2), y: Math.round(placed.y - heightOf(node) / 2) } };
  });
}

function widthOf(node: FlowNode): number {
  return node.measured?.width ?? FALLBACK_WIDTH;
}

function heightOf(node: FlowNode): number {
  return (node.measured?.height ?? FALLBACK_HEIGHT) + (showsAnswer(node) ? STREAM_ROOM : 0);
}

/** Nodes that may call Claude stream an answer under them, and output nodes show the result. */
function showsAnswer(node: FlowNode): boolean {
  if (!isNodeType(node.type)) return false;
  const capabilities = capabilitiesOf(node.type);
  return capabilities.callsClaude !== undefined || capabilities.collectsOutputs === true;
}
