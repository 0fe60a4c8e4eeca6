import type { JsonSchema, Json } from './json-schema';
import type { NodeConfigByType } from './node-configs';

/** The seven node types of format version 1 (PRODUCT.md §4). */
export const NODE_TYPES = ['input', 'prompt', 'tool', 'vision', 'thinking', 'branch', 'output'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const WORKFLOW_FORMAT = 'trellis.workflow';
export const CURRENT_FORMAT_VERSION = 1;

export interface Position {
  x: number;
  y: number;
}

export interface WorkflowNodeOf<T extends NodeType> {
  id: string;
  type: T;
  /** Optional display name on the canvas; the id stays the stable reference used by templates. */
  label?: string;
  position: Position;
  config: NodeConfigByType[T];
}

export type WorkflowNode = { [T in NodeType]: WorkflowNodeOf<T> }[NodeType];

/**
 * Edges follow React Flow's shape. Handle names:
 * - an edge into a prompt/vision/thinking node's `tools` target handle attaches a tool node;
 * - an edge out of a branch node carries the route label as `sourceHandle`.
 */
export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
}

export const TOOLS_HANDLE = 'tools';

export interface WorkflowSample {
  name: string;
  input: { [key: string]: Json };
}

export interface WorkflowDefaults {
  model?: string;
  max_tokens?: number;
}

export interface Workflow {
  format: typeof WORKFLOW_FORMAT;
  version: number;
  id: string;
  name: string;
  description?: string;
  inputs: JsonSchema;
  samples?: WorkflowSample[];
  defaults?: WorkflowDefaults;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}
