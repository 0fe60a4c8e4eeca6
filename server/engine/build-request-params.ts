import type { ContentBlockParam, MessageCreateParamsBase, ThinkingConfigParam, Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';
import type { JsonSchema } from '../../shared/json-schema';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL, findModel } from '../../shared/models';
import type { BranchConfig, PromptConfig, ThinkingSetting } from '../../shared/node-configs';
import { capabilitiesOf } from '../../shared/nodes';
import type { WorkflowNode } from '../../shared/workflow-types';
import { buildConversation, cacheControl } from './build-conversation';
import { JSON_OUTPUT_TOOL, jsonToolSchema } from './json-output';
import { NodeError } from './node-error';
import type { NodeContext } from './node-runner';
import { renderStrict } from './render-strict';

/** What building a request needs: the node, the workflow, its graph and the template scope. */
export type RequestContext = Pick<NodeContext, 'node' | 'workflow' | 'graph' | 'scope' | 'outputs'>;

export interface RequestOptions {
  /** Blocks placed before the first user turn's text (vision images, already loaded). */
  leadBlocks?: ContentBlockParam[];
}

export interface RequestPlan {
  /** Exactly the Messages params of the node's first call. */
  params: MessageCreateParamsBase;
  /** Set when a JSON answer goes through the `json_output` tool instead of `output_config`. */
  jsonTool?: { input_schema: JsonSchema; wrapped: boolean };
  /** The `json_output` tool is forced: it stays forced on every round (calling it is the answer). */
  forcesJsonAnswer: boolean;
}

export const CHOOSE_ROUTE_TOOL = 'choose_route';
const BRANCH_MAX_TOKENS = 1024;
const JSON_TOOL_DESCRIPTION = 'Return your final answer as JSON matching this schema. Call this exactly once, when you are done.';

/**
 * The request a Claude-calling node (prompt, vision, thinking, claude-mode branch) sends first.
 * The engine sends it and `server/estimate` counts it, so an estimate is the count of the very
 * request a run makes. Later rounds (tool loop, continuations) start from these params.
 */
export function buildRequestParams(ctx: RequestContext, options: RequestOptions = {}): RequestPlan {
  const node = ctx.node as WorkflowNode;
  if (node.type === 'branch') return { params: branchParams(ctx, node.config), forcesJsonAnswer: false };
  if (!capabilitiesOf(node.type).hasConversation) throw NodeError.config(`${node.id}: a ${node.type} node sends no Messages request`);
  return conversationPlan(ctx, node.config as PromptConfig, node.type === 'thinking' ? node.config.thinking : undefined, options.leadBlocks);
}

function conversationPlan(ctx: RequestContext, config: PromptConfig, thinking: ThinkingSetting | undefined, leadBlocks: ContentBlockParam[] | undefined): RequestPlan {
  const id = ctx.node.id;
  const model = config.model ?? ctx.workflow.defaults?.model ?? DEFAULT_MODEL;
  const maxTokens = config.max_tokens ?? ctx.workflow.defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;
  const wantsJson = config.output === 'json';
  if (wantsJson && !config.schema) throw NodeError.config(`${id}.config.schema is required when output is "json"`);
  const { system, messages } = buildConversation(ctx, config, leadBlocks);
  const attached = ctx.graph.toolsOf.get(id) ?? [];
  const nativeJson = wantsJson && findModel(model)?.structured_outputs === true;
  const jsonTool = wantsJson && !nativeJson ? jsonToolSchema(config.schema as JsonSchema) : undefined;

  const tools: Tool[] = attached.map((tool) => {
    const definition: Tool = { name: tool.config.name, input_schema: tool.config.input_schema as Tool['input_schema'] };
    if (tool.config.description) definition.description = tool.config.description;
    return definition;
  });
  if (jsonTool) tools.push({ name: JSON_OUTPUT_TOOL, description: JSON_TOOL_DESCRIPTION, input_schema: jsonTool.input_schema as Tool['input_schema'] });
  // The json_output tool is a tool like any other here: cache_tools puts its breakpoint on it
  // when nothing is attached (the validator counts it the same way).
  const lastTool = tools.at(-1);
  if (config.cache_tools && lastTool) lastTool.cache_control = cacheControl(config.cache_tools_ttl);

  const params: MessageCreateParamsBase = { model, max_tokens: maxTokens, messages };
  if (system) params.system = system;
  if (tools.length > 0) params.tools = tools;
  const choice = toolChoice(config, attached.length, jsonTool !== undefined, thinking !== undefined);
  if (choice && tools.length > 0) params.tool_choice = choice;
  if (config.stop_sequences && config.stop_sequences.length > 0) params.stop_sequences = config.stop_sequences;
  if (thinking) params.thinking = thinkingParam(thinking);
  if (nativeJson) params.output_config = { format: { type: 'json_schema', schema: config.schema as Record<string, unknown> } };
  const plan: RequestPlan = { params, forcesJsonAnswer: choice?.type === 'tool' && choice.name === JSON_OUTPUT_TOOL && jsonTool !== undefined };
  if (jsonTool) plan.jsonTool = jsonTool;
  return plan;
}

function branchParams(ctx: RequestContext, config: BranchConfig): MessageCreateParamsBase {
  const id = ctx.node.id;
  const labels = config.routes.map((route) => route.label);
  const subject = renderStrict(config.on, ctx.scope, `${id}.config.on`);
  const instruction = config.instruction ? renderStrict(config.instruction, ctx.scope, `${id}.config.instruction`) : 'Choose the route that fits the text best.';
  const routeList = config.routes.map((route) => `- ${route.label}${route.description ? `: ${route.description}` : ''}`).join('\n');
  return {
    model: config.model ?? ctx.workflow.defaults?.model ?? DEFAULT_MODEL,
    max_tokens: config.max_tokens ?? BRANCH_MAX_TOKENS,
    messages: [{ role: 'user', content: `${instruction}\n\nRoutes:\n${routeList}\n\nText:\n${subject.trim() === '' ? '(empty)' : subject}` }],
    tools: [
      {
        name: CHOOSE_ROUTE_TOOL,
        description: 'Pick exactly one route for the text.',
        input_schema: { type: 'object', properties: { route: { type: 'string', enum: labels } }, required: ['route'] },
      },
    ],
    tool_choice: { type: 'tool', name: CHOOSE_ROUTE_TOOL },
  };
}

function toolChoice(config: PromptConfig, attachedCount: number, jsonTool: boolean, thinking: boolean): ToolChoice | undefined {
  // The API refuses forced tool use with thinking, so a JSON tool is then offered, not forced.
  if (jsonTool && attachedCount === 0 && !thinking) return { type: 'tool', name: JSON_OUTPUT_TOOL };
  const configured = config.tool_choice;
  if (!configured) return undefined;
  if (configured.type === 'none') return { type: 'none' };
  const parallel = configured.disable_parallel_tool_use === undefined ? {} : { disable_parallel_tool_use: configured.disable_parallel_tool_use };
  if (configured.type === 'tool') return { type: 'tool', name: configured.name, ...parallel };
  return { type: configured.type, ...parallel };
}

function thinkingParam(setting: ThinkingSetting): ThinkingConfigParam {
  // The node's setting is the request field itself (same shape as the SDK's ThinkingConfigParam).
  return { ...setting };
}
