import { toolAttachments } from '../graph';
import type { PromptConfig } from '../node-configs';
import { callsClaude, capabilitiesOf, configIssuesOf, routeLabels, typesThat } from '../nodes';
import type { WorkflowNode } from '../workflow-types';
import { MAX_CACHE_BREAKPOINTS, misorderedBreakpoint, plannedBreakpoints } from './cache-breakpoints';
import type { CheckContext } from './check-context';
import { checkDefaultModel, checkModelSettings, type ClaudeSettings } from './check-model-settings';

/** A node whose type declares `hasConversation`: its config is a PromptConfig. */
type PromptLikeNode = WorkflowNode & { config: PromptConfig };

/**
 * Rules JSON Schema cannot express, chosen by what each type declares (capabilities) plus the
 * type's own `configIssues`. Needs a sound graph (continue_from uses upstream).
 */
export function checkNodeConfigs(ctx: CheckContext): void {
  const tools = toolAttachments(ctx.workflow);
  checkDefaultModel(ctx);
  for (const node of ctx.workflow.nodes) {
    const capabilities = capabilitiesOf(node.type);
    // Model, effort, thinking, forced tool_choice and max_tokens, against what the model accepts.
    if (callsClaude(node)) checkModelSettings(ctx, node, node.config as ClaudeSettings, tools.get(node.id)?.length ?? 0);
    if (capabilities.hasConversation) checkPromptLike(ctx, node as PromptLikeNode, tools.get(node.id) ?? []);
    for (const issue of configIssuesOf(node)) ctx.nodeIssue(issue.severity, node, issue.rule, ['config', ...issue.path], issue.message);
    if (capabilities.routes) checkRoutesUsed(ctx, node);
  }
}

function checkPromptLike(ctx: CheckContext, node: PromptLikeNode, toolIds: string[]): void {
  const config: PromptConfig = node.config;
  if (config.continue_from === undefined && config.messages[0]?.role !== 'user') {
    ctx.nodeIssue('error', node, 'messages.first_role', ['config', 'messages', 0, 'role'], 'the first message must be a user turn (unless continue_from supplies the conversation).');
  }
  if (config.continue_from !== undefined) {
    const source = ctx.nodeById.get(config.continue_from);
    if (!source || !ctx.upstreamOf(node.id).has(source.id)) {
      ctx.nodeIssue('error', node, 'continue_from.not_upstream', ['config', 'continue_from'], `continue_from names "${config.continue_from}", which is not an upstream node.`);
    } else if (!capabilitiesOf(source.type).hasConversation) {
      ctx.nodeIssue('error', node, 'continue_from.not_prompt', ['config', 'continue_from'], `continue_from names ${source.type} node "${source.id}"; only ${typesThat('hasConversation')} nodes have a conversation.`);
    }
  }
  if (config.output === 'json' && config.schema === undefined) {
    ctx.nodeIssue('error', node, 'output.schema_required', ['config', 'schema'], 'output is "json" but no schema is given; structured output needs the JSON Schema of the answer.');
  }
  if (config.output !== 'json' && config.schema !== undefined) {
    ctx.nodeIssue('warning', node, 'output.schema_unused', ['config', 'schema'], 'has a schema but output is not "json", so the schema is ignored.');
  }
  checkCacheBreakpoints(ctx, node, toolIds);
  checkTools(ctx, node, toolIds);
}

function checkCacheBreakpoints(ctx: CheckContext, node: PromptLikeNode, toolIds: string[]): void {
  const config: PromptConfig = node.config;
  // Without native structured outputs the engine sends a json_output tool, and cache_tools marks it.
  const jsonTool = config.output === 'json' && config.schema !== undefined && ctx.models.find(ctx.effectiveModel(config))?.structured_outputs !== true;
  const points = plannedBreakpoints(config, toolIds.length > 0 || jsonTool);
  if (points.length > MAX_CACHE_BREAKPOINTS) {
    const named = points.map((point) => point.label).join(', ');
    ctx.nodeIssue('error', node, 'cache.too_many', ['config'], `sets ${points.length} cache breakpoints (${named}); the API allows at most ${MAX_CACHE_BREAKPOINTS}.`);
  }
  const misordered = misorderedBreakpoint(points);
  if (misordered) {
    const { long, short } = misordered;
    ctx.nodeIssue('error', node, 'cache.ttl_order', long.path, `its 1h cache breakpoint on ${long.label} comes after the 5m one on ${short.label}; in prefix order (tools → system → messages) every 1h breakpoint must come first, so the API rejects the request. Make ${short.label} 1h too, or ${long.label} 5m.`);
  }
}

function checkTools(ctx: CheckContext, node: PromptLikeNode, toolIds: string[]): void {
  const names = new Map<string, string>();
  for (const toolId of toolIds) {
    const tool = ctx.nodeById.get(toolId);
    if (!tool || !capabilitiesOf(tool.type).isToolProvider) continue;
    const name = (tool.config as { name: string }).name;
    const earlier = names.get(name);
    if (earlier !== undefined) {
      ctx.nodeIssue('error', node, 'tool.duplicate_name', [], `has two attached tools named "${name}" ("${earlier}" and "${tool.id}"); Claude tells tools apart by name.`);
    }
    names.set(name, tool.id);
  }
  const choice = node.config.tool_choice;
  if (choice === undefined) return;
  if (toolIds.length === 0 && choice.type !== 'none') {
    ctx.nodeIssue('warning', node, 'tool_choice.no_tools', ['config', 'tool_choice'], `sets tool_choice "${choice.type}" but has no tools attached, so it is ignored.`);
  }
  if (choice.type === 'tool' && toolIds.length > 0 && !names.has(choice.name)) {
    ctx.nodeIssue('error', node, 'tool_choice.unknown_tool', ['config', 'tool_choice', 'name'], `tool_choice forces tool "${choice.name}", but the attached tools are ${[...names.keys()].join(', ')}.`);
  }
}

/** Every route of a routing node should lead somewhere; the route rules themselves live in the type's `configIssues`. */
function checkRoutesUsed(ctx: CheckContext, node: WorkflowNode): void {
  const used = new Set(ctx.workflow.edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle));
  for (const label of new Set(routeLabels(node) ?? [])) {
    if (!used.has(label)) ctx.nodeIssue('warning', node, 'branch.unused_route', ['config', 'routes'], `route "${label}" has no outgoing edge; taking it ends that path of the run.`);
  }
}
