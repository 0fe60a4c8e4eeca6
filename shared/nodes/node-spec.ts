import type { JSONSchemaType } from 'ajv/dist/2020';
import type { NodeConfigByType } from '../node-configs';
import type { NodeType } from '../workflow-types';

/** The default dataflow handles. Edges may omit them: an absent handle means the default one. */
export const IN_HANDLE = 'in';
export const OUT_HANDLE = 'out';
/** The source handle of a tool node; it connects only into a calling node's `tools` handle. */
export const TOOL_HANDLE = 'tool';

export interface NodePorts {
  /** Target handle ids for dataflow (`acceptsTools` adds the `tools` handle). */
  inputs: readonly string[];
  /** Source handle ids. A routing node has none: it has one handle per route label instead (`routes`). */
  outputs: readonly string[];
}

/**
 * What the rest of the system may assume about a node type (STYLE §16). The scheduler, the
 * validator, the estimator and the canvas read these, never lists of type names, so a new type
 * is handled everywhere by declaring what it does. Everything absent is false.
 */
export interface NodeCapabilities<C = unknown> {
  /** Receives the run's input: exactly one per workflow, nothing flows into it, `{{input.*}}` reads its fields. */
  isInput?: true;
  /** Its output is part of the run's result (`run.completed.outputs`); it has no outgoing edges. */
  collectsOutputs?: true;
  /**
   * Makes a Messages call: the validator checks its model, the estimator counts its request, the
   * canvas leaves room for the streamed answer. A function when the config decides (a claude-mode branch).
   */
  callsClaude?: true | ((config: C) => boolean);
  /** Tool nodes attach to it through the `tools` target handle and run inside its tool loop. */
  acceptsTools?: true;
  /**
   * Never scheduled: it attaches to an `acceptsTools` node and runs inside that node's tool loop.
   * Its config is a ToolConfig (name, input_schema, implementation): the tool loop and the validator read those.
   */
  isToolProvider?: true;
  /** Its config is a PromptConfig conversation (messages, output, tool_choice), so `continue_from` may name it. */
  hasConversation?: true;
  /**
   * One source handle per route label; its output's `route` names the one taken and the scheduler
   * skips edges leaving through the others.
   */
  routes?: (config: C) => readonly string[];
}

/** A template string inside a node's config; `path` is relative to `config`. */
export interface ConfigTemplate {
  path: (string | number)[];
  source: string;
  /** `run`: the run scope (input, upstream nodes, secrets). `tool`: a tool call (args, secrets). */
  scope: 'run' | 'tool';
}

/** A problem a type's config has on its own, beyond JSON Schema; `path` is relative to `config`. */
export interface ConfigIssue {
  severity: 'error' | 'warning';
  rule: string;
  path: (string | number)[];
  message: string;
}

/**
 * The browser-safe description of a node type (STYLE §1): the canvas draws from it, the validator
 * checks against it, and the engine's runner registry must list exactly the same types.
 */
/** A file a node reads from the files root: its relative path and the config path that names it. */
export interface ConfigFile {
  file: string;
  path: (string | number)[];
}

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
  capabilities: NodeCapabilities<NodeConfigByType[T]>;
  /** Every config string rendered as a template; nothing else in a workflow is ever interpreted. */
  templates?: (config: NodeConfigByType[T]) => ConfigTemplate[];
  /** Rules of this type's config alone that JSON Schema cannot express (the validator adds node and path). */
  configIssues?: (config: NodeConfigByType[T]) => ConfigIssue[];
  /** Files under the files root the config reads (vision `file` images), with where each is named. */
  files?: (config: NodeConfigByType[T]) => ConfigFile[];
}
