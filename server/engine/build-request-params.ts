import type { ContentBlockParam, MessageCreateParamsBase, Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';
import { DEFAULT_MAX_TOKENS, factsCatalog, type ModelCatalog } from '../../shared/claude-models';
import type { JsonSchema } from '../../shared/json-schema';
import type { BranchConfig, PromptConfig } from '../../shared/node-configs';
import type { WorkflowNode } from '../../shared/workflow-types';
import { buildConversation, cacheControl } from './build-conversation';
import { dropCarriedThinking } from './carried-thinking';
import { conversationKey } from './conversation-key';
import { JSON_OUTPUT_TOOL, jsonToolSchema } from './json-output';
import { apiJsonSchema } from './models/api-json-schema';
import { applyClaudeSettings, checkForcedToolChoice, mayForceTool, type ThinkingPlan } from './models/claude-settings';
import { nodeModel, type NodeModel } from './models/node-model';
import { NodeError } from './node-error';
import type { NodeContext } from './node-runner';
import { renderStrict } from './render-strict';

/** What building a request needs: the node, the workflow, its graph and the template scope. */
export type RequestContext = Pick<NodeContext, 'node' | 'workflow' | 'graph' | 'scope' | 'outputs'>;

export interface RequestOptions {
  /** Blocks placed before the first user turn's text (vision images, already loaded). */
  leadBlocks?: ContentBlockParam[];
  /** What the models accept; the facts table when not given (the engine passes the run's). */
  models?: ModelCatalog;
}

export interface RequestPlan {
  /** Exactly the Messages params of the node's first call. */
  params: MessageCreateParamsBase;
  model: NodeModel;
  thinking: ThinkingPlan;
  /** Set when a JSON answer goes through the `json_output` tool instead of `output_config`. */
  jsonTool?: { input_schema: JsonSchema; wrapped: boolean };
  /** The `json_output` tool is forced: it stays forced on every round (calling it is the answer). */
  forcesJsonAnswer: boolean;
  /** Claude-mode branch: the route comes back as a `choose_route` tool call or as JSON text. */
  routeBy?: 'tool' | 'json';
  /** Trace notes about what was sent (e.g. carried thinking blocks dropped). */
  notes: string[];
  /** What the request's thinking blocks are bound to (conversation-key.ts); stored in the output. */
  conversationKey: string;
}

export const CHOOSE_ROUTE_TOOL = 'choose_route';
const BRANCH_MAX_TOKENS = 1024;
const JSON_TOOL_DESCRIPTION = 'Return your final answer as JSON matching this schema. Call this exactly once, when you are done.';

let defaultCatalog: ModelCatalog | undefined;

/**
 * The request a Claude-calling node (prompt, vision, thinking, claude-mode branch) sends first.
 * The engine sends it and `server/estimate` counts it, so an estimate is the count of the very
 * request a run makes. Later rounds (tool loop, continuations) start from these params.
 * Nothing the model refuses is sent: a refused setting fails the node with a `config_error`, and
 * what the engine chooses itself (forcing a tool, the JSON route) follows the model's profile.
 */
export function buildRequestParams(ctx: RequestContext, options: RequestOptions = {}): RequestPlan {
  const node = ctx.node as WorkflowNode;
  const catalog = options.models ?? (defaultCatalog ??= factsCatalog());
  if (node.type === 'branch') return branchPlan(ctx, node.config, catalog);
  if (node.type !== 'prompt' && node.type !== 'vision' && node.type !== 'thinking') {
    throw NodeError.config(`${node.id}: a ${node.type} node sends no Messages request`);
  }
  return conversationPlan(ctx, node.config, catalog, options.leadBlocks);
}

function conversationPlan(ctx: RequestContext, config: PromptConfig, catalog: ModelCatalog, leadBlocks: ContentBlockParam[] | undefined): RequestPlan {
  const id = ctx.node.id;
  const model = nodeModel(config.model, ctx.workflow, catalog);
  const maxTokens = config.max_tokens ?? ctx.workflow.defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;
  const wantsJson = config.output === 'json';
  if (wantsJson && !config.schema) throw NodeError.config(`${id}.config.schema is required when output is "json"`);
  const { system, messages, carried } = buildConversation(ctx, config, leadBlocks);
  const attached = ctx.graph.toolsOf.get(id) ?? [];
  const nativeJson = wantsJson && model.profile?.structured_outputs === true;
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

  const params: MessageCreateParamsBase = { model: model.id, max_tokens: maxTokens, messages };
  if (system) params.system = system;
  if (tools.length > 0) params.tools = tools;
  const thinking = applyClaudeSettings(params, config, model, `${id}.config`);
  const forceJson = jsonTool !== undefined && attached.length === 0 && mayForceTool(model, thinking);
  if (tools.length > 0) {
    if (config.tool_choice) checkForcedToolChoice(config.tool_choice.type, model, thinking, `${id}.config`);
    const choice = forceJson ? ({ type: 'tool', name: JSON_OUTPUT_TOOL } as const) : configuredToolChoice(config);
    if (choice) params.tool_choice = choice;
  }
  if (config.stop_sequences && config.stop_sequences.length > 0) params.stop_sequences = config.stop_sequences;
  // The API takes a subset of JSON Schema here; the full schema is enforced on the answer.
  if (nativeJson) params.output_config = { ...params.output_config, format: { type: 'json_schema', schema: apiJsonSchema(config.schema as JsonSchema) as Record<string, unknown> } };

  const key = conversationKey(params);
  const notes: string[] = [];
  if (carried && carried.key !== key) {
    // Thinking blocks are bound to the model, system prompt and tools they were made under.
    const head = messages.splice(0, carried.count);
    const dropped = dropCarriedThinking(head);
    messages.unshift(...head);
    if (dropped > 0) {
      const what = carried.model !== undefined && carried.model !== model.id ? `the model changed (${carried.model} → ${model.id})` : 'the system prompt or tools differ';
      notes.push(`continue_from "${carried.sourceId}": dropped ${dropped} thinking block(s) from the carried conversation because ${what}; thinking blocks are bound to the conversation they were made in`);
    }
  }
  const plan: RequestPlan = { params, model, thinking, forcesJsonAnswer: forceJson, notes, conversationKey: key };
  if (jsonTool) plan.jsonTool = jsonTool;
  return plan;
}

function branchPlan(ctx: RequestContext, config: BranchConfig, catalog: ModelCatalog): RequestPlan {
  const id = ctx.node.id;
  const model = nodeModel(config.model, ctx.workflow, catalog);
  const labels = config.routes.map((route) => route.label);
  const subject = renderStrict(config.on, ctx.scope, `${id}.config.on`);
  const instruction = config.instruction ? renderStrict(config.instruction, ctx.scope, `${id}.config.instruction`) : 'Choose the route that fits the text best.';
  const routeList = config.routes.map((route) => `- ${route.label}${route.description ? `: ${route.description}` : ''}`).join('\n');
  const content = `${instruction}\n\nRoutes:\n${routeList}\n\nText:\n${subject.trim() === '' ? '(empty)' : subject}`;
  const params: MessageCreateParamsBase = { model: model.id, max_tokens: config.max_tokens ?? BRANCH_MAX_TOKENS, messages: [{ role: 'user', content }] };
  const thinking = applyClaudeSettings(params, config, model, `${id}.config`);
  const routeSchema = { type: 'object' as const, properties: { route: { type: 'string', enum: labels } }, required: ['route'], additionalProperties: false };
  let routeBy: 'tool' | 'json';
  if (mayForceTool(model, thinking)) {
    params.tools = [{ name: CHOOSE_ROUTE_TOOL, description: 'Pick exactly one route for the text.', input_schema: routeSchema }];
    params.tool_choice = { type: 'tool', name: CHOOSE_ROUTE_TOOL };
    routeBy = 'tool';
  } else if (model.profile?.structured_outputs !== false) {
    // Forced tools are refused here (always, or while thinking): the enum in the output schema
    // constrains the answer just as well, and structured outputs work with thinking on.
    params.output_config = { ...params.output_config, format: { type: 'json_schema', schema: routeSchema } };
    routeBy = 'json';
  } else {
    // Neither forcing nor structured outputs: offer the tool and ask for it by name.
    params.messages = [{ role: 'user', content: `${content}\n\nAnswer by calling ${CHOOSE_ROUTE_TOOL}.` }];
    params.tools = [{ name: CHOOSE_ROUTE_TOOL, description: 'Pick exactly one route for the text.', input_schema: routeSchema }];
    params.tool_choice = { type: 'auto' };
    routeBy = 'tool';
  }
  return { params, model, thinking, forcesJsonAnswer: false, routeBy, notes: [], conversationKey: conversationKey(params) };
}

function configuredToolChoice(config: PromptConfig): ToolChoice | undefined {
  const configured = config.tool_choice;
  if (!configured) return undefined;
  if (configured.type === 'none') return { type: 'none' };
  const parallel = configured.disable_parallel_tool_use === undefined ? {} : { disable_parallel_tool_use: configured.disable_parallel_tool_use };
  if (configured.type === 'tool') return { type: 'tool', name: configured.name, ...parallel };
  return { type: configured.type, ...parallel };
}
