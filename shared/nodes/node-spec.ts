import type { JSONSchemaType } from 'ajv/dist/2020';
import type { NodeConfigByType } from '../node-configs';
import type { NodeType } from '../workflow-types';

/** The default dataflow handles. Edges may omit them: an absent handle means the default one. */
export const IN_HANDLE = 'in';
export const OUT_HANDLE = 'out';
/** The source handle of a tool node; it connects only into a calling node's `tools` handle. */
export const TOOL_HANDLE = 'tool';

export interface NodePorts {
  /** Target handle ids for dataflow. */
  inputs: readonly string[];
  /** Source handle ids. A branch node has none: it has one handle per route label instead (`routes`). */
  outputs: readonly string[];
  /** Accepts tool nodes through the `tools` target handle. */
  tools?: true;
  /** One source handle per route label (branch). */
  routes?: true;
}

/**
 * The browser-safe description of a node type (STYLE §1): the canvas draws from it, the validator
 * checks against it, and the engine's runner registry must list exactly the same types.
 */
export interface NodeSpec<T extends NodeType = NodeType> {
  type: T;
  label: string;
  description: string;
  configSchema: JSONSchemaType<NodeConfigByType[T]>;
  /** A valid config for a node freshly dropped on the canvas. */
  defaults: NodeConfigByType[T];
  ports: NodePorts;
  /**
   * Output fields downstream templates can read (`{{node.text}}`). Empty with `openOutput` when the
   * fields depend on the config (the input node's fields come from `inputs`, an output node's from `value`).
   */
  outputFields: readonly string[];
  openOutput?: true;
}
