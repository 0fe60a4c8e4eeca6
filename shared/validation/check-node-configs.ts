import { toolAttachments } from '../graph';
import type { PromptConfig } from '../node-configs';
import type { WorkflowNodeOf } from '../workflow-types';
import { MAX_CACHE_BREAKPOINTS, misorderedBreakpoint, plannedBreakpoints } from './cache-breakpoints';
import type { CheckContext } from './check-context';
import { checkDefaultModel, checkModelSettings } from './check-model-settings';

const PROMPT_LIKE = new Set(['prompt', 'vision', 'thinking']);

type PromptLikeNode = WorkflowNodeOf<'prompt'> | WorkflowNodeOf<'vision'> | WorkflowNodeOf<'thinking'>;

/** Per-type rules that JSON Schema cannot express. Needs a sound graph (continue_from uses upstream). */
export function checkNodeConfigs(ctx: CheckContext): void {
  const tools = toolAttachments(ctx.workflow);
  checkDefaultModel(ctx);
  for (const node of ctx.workflow.nodes) {
    if (node.type === 'prompt' || node.type === 'vision' || node.type === 'thinking') checkPromptLike(ctx, node, tools.get(node.id) ?? []);
    if (node.type === 'vision') checkVision(ctx, node);
    if (node.type === 'branch') checkBranch(ctx, node);
  }
}

function checkPromptLike(ctx: CheckContext, node: PromptLikeNode, toolIds: string[]): void {
  const config: PromptConfig = node.config;
  checkModelSettings(ctx, node, config, toolIds.length);
  if (config.continue_from === undefined && config.messages[0]?.role !== 'user') {
    ctx.nodeIssue('error', node, 'messages.first_role', ['config', 'messages', 0, 'role'], 'the first message must be a user turn (unless continue_from supplies the conversation).');
  }
  if (config.continue_from !== undefined) {
    const source = ctx.nodeById.get(config.continue_from);
    if (!source || !ctx.upstreamOf(node.id).has(source.id)) {
      ctx.nodeIssue('error', node, 'continue_from.not_upstream', ['config', 'continue_from'], `continue_from names "${config.continue_from}", which is not an upstream node.`);
    } else if (!PROMPT_LIKE.has(source.type)) {
      ctx.nodeIssue('error', node, 'continue_from.not_prompt', ['config', 'continue_from'], `continue_from names ${source.type} node "${source.id}"; only prompt, vision and thinking nodes have a conversation.`);
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
    if (tool?.type !== 'tool') continue;
    const earlier = names.get(tool.config.name);
    if (earlier !== undefined) {
      ctx.nodeIssue('error', node, 'tool.duplicate_name', [], `has two attached tools named "${tool.config.name}" ("${earlier}" and "${tool.id}"); Claude tells tools apart by name.`);
    }
    names.set(tool.config.name, tool.id);
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

function checkVision(ctx: CheckContext, node: WorkflowNodeOf<'vision'>): void {
  node.config.images.forEach((image, index) => {
    if (image.source !== 'file') return;
    const segments = image.path.split(/[\\/]/);
    if (image.path.startsWith('/') || image.path.startsWith('\\') || /^[A-Za-z]:/.test(image.path) || segments.includes('..')) {
      ctx.nodeIssue('error', node, 'vision.bad_path', ['config', 'images', index, 'path'], `image path "${image.path}" must be relative to the workflows folder, without "..".`);
    }
  });
}

function checkBranch(ctx: CheckContext, node: WorkflowNodeOf<'branch'>): void {
  const config = node.config;
  const mode = config.mode ?? 'match';
  const labels = new Set<string>();
  config.routes.forEach((route, index) => {
    if (labels.has(route.label)) ctx.nodeIssue('error', node, 'branch.duplicate_route', ['config', 'routes', index, 'label'], `route "${route.label}" is defined twice.`);
    labels.add(route.label);
    if (mode === 'match' && route.when === undefined && route.label !== config.default) {
      ctx.nodeIssue('warning', node, 'branch.missing_condition', ['config', 'routes', index], `route "${route.label}" has no "when" condition and is not the default, so match mode can never take it.`);
    }
    if (route.when && 'matches' in route.when) {
      try {
        new RegExp(route.when.matches, 'u');
      } catch (error) {
        ctx.nodeIssue('error', node, 'branch.bad_regex', ['config', 'routes', index, 'when', 'matches'], `route "${route.label}" has an invalid regular expression: ${error instanceof Error ? error.message : String(error)}.`);
      }
    }
  });
  if (config.default !== undefined && !labels.has(config.default)) {
    ctx.nodeIssue('error', node, 'branch.unknown_default', ['config', 'default'], `default "${config.default}" is not one of the routes (${[...labels].join(', ')}).`);
  }
  if (mode === 'claude') checkModelSettings(ctx, node, config);
  const used = new Set(ctx.workflow.edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle));
  for (const label of labels) {
    if (!used.has(label)) ctx.nodeIssue('warning', node, 'branch.unused_route', ['config', 'routes'], `route "${label}" has no outgoing edge; taking it ends that path of the run.`);
  }
}
