import { capabilitiesOf, routeLabels, typesThat } from '../nodes';
import { TOOLS_HANDLE } from '../workflow-types';
import type { GraphLike, GraphNode } from './graph-like';
import { adjacency } from './adjacency';

export interface Connection {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether adding `connection` keeps the graph a valid workflow graph; the canvas uses it as React
 * Flow's `isValidConnection`, so `reason` is shown to the user and must name the problem.
 */
export function canConnect(graph: GraphLike, connection: Connection): ConnectionVerdict {
  const { source, target } = connection;
  const sourceHandle = connection.sourceHandle ?? undefined;
  const targetHandle = connection.targetHandle ?? undefined;
  if (source === target) return refuse(`A node cannot connect to itself ("${source}").`);
  const sourceNode = graph.nodes.find((node) => node.id === source);
  const targetNode = graph.nodes.find((node) => node.id === target);
  if (!sourceNode) return refuse(`There is no node "${source}".`);
  if (!targetNode) return refuse(`There is no node "${target}".`);

  const shapeProblem = handleProblem(sourceNode, targetNode, sourceHandle, targetHandle);
  if (shapeProblem) return refuse(shapeProblem);

  const duplicate = graph.edges.some(
    (edge) => edge.source === source && edge.target === target && (edge.sourceHandle ?? undefined) === sourceHandle && (edge.targetHandle ?? undefined) === targetHandle,
  );
  if (duplicate) return refuse(`"${source}" is already connected to "${target}" this way.`);
  if (reaches(graph, target, source)) return refuse(`Connecting "${source}" to "${target}" would create a cycle; workflows must not loop.`);
  return { ok: true };
}

function handleProblem(sourceNode: GraphNode, targetNode: GraphNode, sourceHandle: string | undefined, targetHandle: string | undefined): string | null {
  const source = capabilitiesOf(sourceNode.type);
  const target = capabilitiesOf(targetNode.type);
  if (target.isInput) return `Nothing can flow into the input node "${targetNode.id}".`;
  if (source.collectsOutputs) return `The output node "${sourceNode.id}" has no outgoing connections.`;
  if (source.isToolProvider) {
    if (targetHandle !== TOOLS_HANDLE || !target.acceptsTools) return `Tool "${sourceNode.id}" can only attach to the tools handle of a ${typesThat('acceptsTools')} node.`;
    return null;
  }
  if (targetHandle === TOOLS_HANDLE) {
    return target.acceptsTools ? `Only tool nodes connect into the tools handle of "${targetNode.id}".` : `"${targetNode.id}" is a ${targetNode.type} node and cannot call tools.`;
  }
  if (source.routes) {
    // Unreadable while half-edited: any handle is allowed until the routes can be read.
    const labels = routeLabels(sourceNode);
    if (sourceHandle === undefined) return `Edges out of branch "${sourceNode.id}" must leave through one of its routes.`;
    if (labels !== undefined && !labels.includes(sourceHandle)) {
      return `Branch "${sourceNode.id}" has no route "${sourceHandle}"${labels.length > 0 ? ` (routes: ${labels.join(', ')})` : ''}.`;
    }
  }
  return null;
}

function reaches(graph: GraphLike, from: string, to: string): boolean {
  const next = adjacency(graph.nodes, graph.edges, 'forward');
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (current === to) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(next.get(current) ?? []));
  }
  return false;
}

function refuse(reason: string): ConnectionVerdict {
  return { ok: false, reason };
}
