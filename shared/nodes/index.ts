import type { NodeType } from '../workflow-types';
import { NODE_TYPES } from '../workflow-types';
import { branchNode } from './branch';
import { inputNode } from './input';
import type { ConfigFile, ConfigIssue, ConfigTemplate, NodeCapabilities, NodeSpec } from './node-spec';
import { outputNode } from './output';
import { promptNode } from './prompt';
import { thinkingNode } from './thinking';
import { toolNode } from './tool';
import { TypeRegistry } from './type-registry';
import { visionNode } from './vision';

export type { ConfigFile, ConfigIssue, ConfigTemplate, NodeCapabilities, NodePorts, NodeSpec } from './node-spec';
export { IN_HANDLE, OUT_HANDLE, TOOL_HANDLE } from './node-spec';

export type AnyNodeSpec = { [T in NodeType]: NodeSpec<T> }[NodeType];

/** The built-in node types (STYLE §1); the server's runner registry must list the same types. */
export const NODE_SPECS: readonly AnyNodeSpec[] = [inputNode, promptNode, toolNode, visionNode, thinkingNode, branchNode, outputNode];

const registry = new TypeRegistry<AnyNodeSpec>('node spec', NODE_SPECS);
const missing = NODE_TYPES.filter((type) => !registry.has(type));
if (missing.length > 0) throw new Error(`NODE_SPECS lacks node types: ${missing.join(', ')}.`);

/** The spec of `type`; throws on an unknown type so a typo can never pass silently. */
export function getNodeSpec<T extends NodeType>(type: T): NodeSpec<T>;
export function getNodeSpec(type: string): AnyNodeSpec;
export function getNodeSpec(type: string): unknown {
  return registry.get(type);
}

export function isNodeType(type: unknown): type is NodeType {
  return registry.has(type);
}

/** Every registered spec: the built-ins, then any registered with `registerNodeSpec`. */
export function listNodeSpecs(): AnyNodeSpec[] {
  return registry.list();
}

/** True while only the built-in types are registered (the precompiled schema validator covers exactly those). */
export function onlyBuiltInNodeTypes(): boolean {
  return registry.types().length === NODE_SPECS.length;
}

/**
 * Adds a node type outside NODE_SPECS (a test-only type, a plugin); returns the undo. Throws when
 * the type is already registered. The runner registry must get the same type (server/engine/nodes).
 */
export function registerNodeSpec(spec: NodeSpec): () => void {
  return registry.add(spec as AnyNodeSpec);
}

/** What `type` declares it does; throws on an unknown type. */
export function capabilitiesOf(type: string): NodeCapabilities {
  return getNodeSpec(type).capabilities as NodeCapabilities;
}

/** Whether this node makes a Messages call with its current config (false while the canvas's config is unreadable). */
export function callsClaude(node: { type: string; config?: unknown }): boolean {
  const declared = capabilitiesOf(node.type).callsClaude;
  if (typeof declared !== 'function') return declared === true;
  try {
    return declared(node.config);
  } catch {
    return false;
  }
}

/**
 * The route labels of a node whose type declares `routes`; undefined while its config is not
 * readable (half-edited on the canvas). Call only for routing types.
 */
export function routeLabels(node: { type: string; config?: unknown }): readonly string[] | undefined {
  const routes = capabilitiesOf(node.type).routes;
  try {
    return routes?.(node.config);
  } catch {
    return undefined;
  }
}

/** "prompt, vision or thinking": the registered types with a capability, for messages that name them. */
export function typesThat(capability: keyof NodeCapabilities): string {
  const types = listNodeSpecs()
    .filter((spec) => spec.capabilities[capability] !== undefined)
    .map((spec) => spec.type as string);
  return types.length <= 1 ? (types[0] ?? 'none') : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
}

/** The template strings in a node's config, as its type declares them (paths relative to `config`). */
export function templatesOf(node: { type: string; config: unknown }): ConfigTemplate[] {
  const spec = getNodeSpec(node.type) as { templates?: (config: unknown) => ConfigTemplate[] };
  return spec.templates?.(node.config) ?? [];
}

/** What a node's type finds wrong with its config on its own (paths relative to `config`). */
/** The files under the files root a node reads (declared by its spec's `files`). */
export function filesOf(node: { type: string; config: unknown }): ConfigFile[] {
  const spec = getNodeSpec(node.type) as { files?: (config: unknown) => ConfigFile[] };
  return spec.files?.(node.config) ?? [];
}

export function configIssuesOf(node: { type: string; config: unknown }): ConfigIssue[] {
  const spec = getNodeSpec(node.type) as { configIssues?: (config: unknown) => ConfigIssue[] };
  return spec.configIssues?.(node.config) ?? [];
}
