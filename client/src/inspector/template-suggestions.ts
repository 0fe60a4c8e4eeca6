import { upstreamNodeIds } from '../../../shared/graph';
import { capabilitiesOf, getNodeSpec } from '../../../shared/nodes';
import type { JsonSchema } from '../../../shared/json-schema';
import type { FlowEdge, FlowNode } from '../store/flow-types';

/**
 * What a template of `nodeId` may reference, as completions: `input.<field>` from the inputs
 * schema and `<upstream id>.<output field>` for every node upstream (the validator's own rule).
 * Nodes whose fields depend on their config (openOutput) are offered by id alone.
 */
export function templateSuggestions(nodes: readonly FlowNode[], edges: readonly FlowEdge[], inputs: JsonSchema, nodeId: string): string[] {
  const properties = inputs.properties && typeof inputs.properties === 'object' ? Object.keys(inputs.properties) : [];
  const suggestions = ['input', ...properties.map((field) => `input.${field}`)];
  const graph = {
    nodes: nodes.map((node) => ({ id: node.id, type: node.type ?? 'prompt' })),
    edges: edges.map((edge) => ({ source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? undefined, targetHandle: edge.targetHandle ?? undefined })),
  };
  const types = new Map(nodes.map((node) => [node.id, node.type]));
  for (const upstream of upstreamNodeIds(graph, nodeId)) {
    const type = types.get(upstream);
    // The input node is offered as `input.<field>` above.
    if (!type || capabilitiesOf(type).isInput) continue;
    const spec = getNodeSpec(type);
    if (spec.outputFields.length === 0) suggestions.push(upstream);
    else suggestions.push(...spec.outputFields.map((field) => `${upstream}.${field}`));
  }
  return suggestions;
}

/** The partial reference being typed right before `caret`, e.g. `cla` in `Use {{cla`; null outside braces. */
export function openReference(text: string, caret: number): { start: number; partial: string } | null {
  const match = /\{\{\s*([A-Za-z0-9_.-]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[1] as string).length, partial: match[1] as string };
}
