import type { Migration } from '../migration';

/**
 * Format version 0 is the prototype's draft shape (documented in docs/workflow-format.md):
 * nodes carried `data` instead of `config` and flat `x`/`y` instead of `position`; edges used
 * `from`/`to`, and tool attachments were marked with `"kind": "tool"` rather than the `tools`
 * target handle; a branch edge named its route in `route`; `inputs` was optional.
 */
export const migrateV0ToV1: Migration = (document) => {
  const nodes = Array.isArray(document.nodes) ? document.nodes : [];
  const edges = Array.isArray(document.edges) ? document.edges : [];
  return {
    ...document,
    version: 1,
    inputs: document.inputs ?? { type: 'object', properties: {} },
    nodes: nodes.map((node: unknown, index) => {
      if (!isRecord(node)) throw new Error(`nodes/${index} is not an object`);
      const { data, x, y, ...rest } = node;
      const upgraded: Record<string, unknown> = { ...rest, position: rest.position ?? { x: x ?? 0, y: y ?? 0 }, config: rest.config ?? data ?? {} };
      return upgraded;
    }),
    edges: edges.map((edge: unknown, index) => {
      if (!isRecord(edge)) throw new Error(`edges/${index} is not an object`);
      const { from, to, kind, route, ...rest } = edge;
      const upgraded: Record<string, unknown> = { ...rest, source: rest.source ?? from, target: rest.target ?? to };
      if (kind === 'tool') upgraded.targetHandle = 'tools';
      if (typeof route === 'string') upgraded.sourceHandle = route;
      return upgraded;
    }),
  };
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
