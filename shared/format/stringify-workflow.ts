import type { Workflow } from '../workflow-types';

const TOP_LEVEL_ORDER = ['format', 'version', 'id', 'name', 'description', 'inputs', 'samples', 'defaults', 'nodes', 'edges'];
const NODE_ORDER = ['id', 'type', 'label', 'position', 'config'];
const EDGE_ORDER = ['id', 'source', 'sourceHandle', 'target', 'targetHandle'];
const POSITION_ORDER = ['x', 'y'];

/**
 * The one way a workflow is written (exports, the server's store, `workflows/*.json`): fixed key
 * order for the document, nodes, positions and edges; every other object keeps its insertion
 * order; 2-space indent; trailing newline. Undefined values are dropped, so a parse →
 * stringify round trip of a stringified file is byte-identical.
 */
export function stringifyWorkflow(workflow: Workflow): string {
  const document = ordered(workflow, TOP_LEVEL_ORDER);
  if (Array.isArray(workflow.nodes)) {
    document.nodes = workflow.nodes.map((node) => {
      const out = ordered(node, NODE_ORDER);
      if (isObject(node.position)) out.position = ordered(node.position, POSITION_ORDER);
      return out;
    });
  }
  if (Array.isArray(workflow.edges)) document.edges = workflow.edges.map((edge) => ordered(edge, EDGE_ORDER));
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Known keys first in the given order, then any others in insertion order. */
function ordered(value: object, order: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const keys = [...order.filter((key) => Object.prototype.hasOwnProperty.call(source, key)), ...Object.keys(source).filter((key) => !order.includes(key))];
  // fromEntries defines own data properties, so even a hostile "__proto__" key stays plain data.
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
