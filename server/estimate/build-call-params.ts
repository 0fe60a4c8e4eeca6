import type { ContentBlockParam, MessageCreateParamsNonStreaming, ThinkingConfigParam, Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Json } from '../../shared/json-schema';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL, findModel } from '../../shared/models';
import type { BranchConfig, PromptConfig, ThinkingSetting } from '../../shared/node-configs';
import type { Workflow, WorkflowNode, WorkflowNodeOf } from '../../shared/workflow-types';
import { buildConversation, cacheControl } from '../engine/build-conversation';
import { JSON_OUTPUT_TOOL, jsonToolSchema } from '../engine/json-output';
import type { NodeContext } from '../engine/node-runner';
import { renderStrict } from '../engine/render-strict';

/**
 * The first request a Claude-calling node sends, built the way the engine builds it
 * (run-conversation.ts for prompt/vision/thinking, nodes/branch.ts for claude-mode branches).
 * The engine keeps that logic inline in its runners, so this mirrors it: the template rendering and
 * the conversation (system, messages, continue_from, images first) reuse the engine's own
 * buildConversation; tools, tool_choice, thinking and JSON output follow the same rules. See the
 * refactor note in docs/estimate.md.
 */
export interface CallParamsInput {
  workflow: Workflow;
  node: WorkflowNode;
  scope: Record<string, unknown>;
  outputs: ReadonlyMap<string, Json>;
  /** Tool nodes attached to this node, in file order. */
  tools: readonly WorkflowNodeOf<'tool'>[];
  /** Vision images, already loaded as blocks. */
  leadBlocks?: ContentBlockParam[];
}

const CHOOSE_ROUTE_TOOL = 'choose_route';
const BRANCH_MAX_TOKENS = 1024;

export function buildCallParams(input: CallParamsInput): MessageCreateParamsNonStreaming {
  if (input.node.type === 'branch') return branchParams(input, input.node.config);
  return conversationParams(input, input.node.config as PromptConfig, input.node.type === 'thinking' ? input.node.config.thinking : undefined);
}

function conversationParams(input: CallParamsInput, config: PromptConfig, thinking: ThinkingSetting | undefined): MessageCreateParamsNonStreaming {
  const { workflow, node } = input;
  const model = config.model ?? workflow.defaults?.model ?? DEFAULT_MODEL;
  const maxTokens = config.max_tokens ?? workflow.defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;
  const ctx = { node, workflow, scope: input.scope, outputs: input.outputs } as unknown as NodeContext;
  const { system, messages } = buildConversation(ctx, config, input.leadBlocks);
  const wantsJson = config.output === 'json' && config.schema !== undefined;
  const nativeJson = wantsJson && findModel(model)?.structured_outputs === true;
  const jsonTool = wantsJson && !nativeJson ? jsonToolSchema(config.schema as NonNullable<PromptConfig['schema']>) : undefined;

  const tools: Tool[] = input.tools.map((tool) => {
    const definition: Tool = { name: tool.config.name, input_schema: tool.config.input_schema as Tool['input_schema'] };
    if (tool.config.description) definition.description = tool.config.description;
    return definition;
  });
  if (jsonTool) tools.push({ name: JSON_OUTPUT_TOOL, description: 'Return your final answer as JSON matching this schema. Call this exactly once, when you are done.', input_schema: jsonTool.input_schema as Tool['input_schema'] });
  const lastTool = tools.at(-1);
  if (config.cache_tools && lastTool) lastTool.cache_control = cacheControl(undefined);

  const params: MessageCreateParamsNonStreaming = { model, max_tokens: maxTokens, messages };
  if (system) params.system = system;
  if (tools.length > 0) params.tools = tools;
  const choice = toolChoice(config, input.tools.length, jsonTool !== undefined, thinking !== undefined);
  if (choice && tools.length > 0) params.tool_choice = choice;
  if (config.stop_sequences && config.stop_sequences.length > 0) params.stop_sequences = config.stop_sequences;
  if (thinking) params.thinking = thinkingParam(thinking);
  if (nativeJson) params.output_config = { format: { type: 'json_schema', schema: config.schema as Record<string, unknown> } };
  return params;
}

function branchParams(input: CallParamsInput, config: BranchConfig): MessageCreateParamsNonStreaming {
  const id = input.node.id;
  const labels = config.routes.map((route) => route.label);
  const subject = renderStrict(config.on, input.scope, `${id}.config.on`);
  const instruction = config.instruction ? renderStrict(config.instruction, input.scope, `${id}.config.instruction`) : 'Choose the route that fits the text best.';
  const routeList = config.routes.map((route) => `- ${route.label}${route.description ? `: ${route.description}` : ''}`).join('\n');
  return {
    model: config.model ?? input.workflow.defaults?.model ?? DEFAULT_MODEL,
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
  if (jsonTool && attachedCount === 0 && !thinking) return { type: 'tool', name: JSON_OUTPUT_TOOL };
  const configured = config.tool_choice;
  if (!configured) return undefined;
  if (configured.type === 'none') return { type: 'none' };
  const parallel = configured.disable_parallel_tool_use === undefined ? {} : { disable_parallel_tool_use: configured.disable_parallel_tool_use };
  if (configured.type === 'tool') return { type: 'tool', name: configured.name, ...parallel };
  return { type: configured.type, ...parallel };
}

function thinkingParam(setting: ThinkingSetting): ThinkingConfigParam {
  const param: ThinkingConfigParam = setting.type === 'enabled' ? { type: 'enabled', budget_tokens: setting.budget_tokens } : { type: 'adaptive' };
  if (setting.display) param.display = setting.display;
  return param;
}
