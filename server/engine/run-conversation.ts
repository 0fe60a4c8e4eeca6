import type {
  ContentBlock,
  ContentBlockParam,
  Message,
  MessageParam,
  MessageStreamParams,
  ThinkingConfigParam,
  Tool,
  ToolChoice,
  ToolResultBlockParam,
  ToolUseBlock,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { Json } from '../../shared/json-schema';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL, findModel } from '../../shared/models';
import type { PromptConfig, ThinkingSetting } from '../../shared/node-configs';
import type { PromptOutput } from '../../shared/node-outputs';
import type { StopReason } from '../../shared/trace-events';
import { buildConversation, cacheControl } from './build-conversation';
import { callClaude } from './call-claude';
import { followUpToolChoice } from './follow-up-tool-choice';
import { checkJsonAnswer, JSON_OUTPUT_TOOL, jsonToolSchema } from './json-output';
import { NodeError } from './node-error';
import type { NodeContext, NodeResult } from './node-runner';
import { runToolCall } from './run-tool-call';

export interface ConversationOptions {
  /** Blocks placed before the first user turn's text (vision images). */
  leadBlocks?: ContentBlockParam[];
  thinking?: ThinkingSetting;
}

const DEFAULT_MAX_TOOL_ROUNDS = 10;
/** on_max_tokens: "continue" asks for at most this many continuations. */
const MAX_CONTINUATIONS = 3;
const CONTINUE_PROMPT = 'Continue exactly where you stopped, without repeating anything.';

/**
 * The shared body of prompt, vision and thinking nodes: one streamed call, or the tool loop when
 * tool nodes are attached, then `on_max_tokens` and the JSON output check.
 * Assistant turns are always sent back exactly as received (thinking blocks and signatures in
 * their original order), as the API requires inside a tool loop.
 */
export async function runConversation(ctx: NodeContext, options: ConversationOptions = {}): Promise<NodeResult> {
  const config = ctx.node.config as PromptConfig;
  const id = ctx.node.id;
  const model = config.model ?? ctx.workflow.defaults?.model ?? DEFAULT_MODEL;
  const maxTokens = config.max_tokens ?? ctx.workflow.defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;
  const spec = findModel(model);
  const { system, messages } = buildConversation(ctx, config, options.leadBlocks);
  const attached = ctx.graph.toolsOf.get(id) ?? [];
  const wantsJson = config.output === 'json';
  if (wantsJson && !config.schema) throw NodeError.config(`${id}.config.schema is required when output is "json"`);
  const nativeJson = wantsJson && spec?.structured_outputs === true;
  const jsonTool = wantsJson && !nativeJson ? jsonToolSchema(config.schema as NonNullable<PromptConfig['schema']>) : undefined;

  const tools: Tool[] = attached.map((tool) => {
    const definition: Tool = { name: tool.config.name, input_schema: tool.config.input_schema as Tool['input_schema'] };
    if (tool.config.description) definition.description = tool.config.description;
    return definition;
  });
  if (jsonTool) tools.push({ name: JSON_OUTPUT_TOOL, description: 'Return your final answer as JSON matching this schema. Call this exactly once, when you are done.', input_schema: jsonTool.input_schema as Tool['input_schema'] });
  const lastTool = tools.at(-1);
  if (config.cache_tools && lastTool) lastTool.cache_control = cacheControl(undefined);

  const params: MessageStreamParams = { model, max_tokens: maxTokens, messages };
  if (system) params.system = system;
  if (tools.length > 0) params.tools = tools;
  const choice = toolChoice(config, attached.length, jsonTool !== undefined, options.thinking !== undefined);
  if (choice && tools.length > 0) params.tool_choice = choice;
  // The forced JSON tool stays forced on every round: calling it is the final answer, so a
  // max_tokens continuation must still end with it.
  const forcesJsonAnswer = choice?.type === 'tool' && choice.name === JSON_OUTPUT_TOOL && jsonTool !== undefined;
  if (config.stop_sequences && config.stop_sequences.length > 0) params.stop_sequences = config.stop_sequences;
  if (options.thinking) params.thinking = thinkingParam(options.thinking);
  if (nativeJson) params.output_config = { format: { type: 'json_schema', schema: config.schema as Record<string, unknown> } };
  const callOptions: { timeoutMs?: number; cacheTtl?: '5m' | '1h' } = {};
  if (config.timeout_ms !== undefined) callOptions.timeoutMs = config.timeout_ms;
  if (config.system?.cache_ttl === '1h') callOptions.cacheTtl = '1h';

  const maxToolRounds = config.max_tool_rounds ?? DEFAULT_MAX_TOOL_ROUNDS;
  const warnings: string[] = [];
  const thinkingTexts: string[] = [];
  let text = '';
  let toolRounds = 0;
  let continuations = 0;
  let jsonAnswer: Json | undefined;
  let stopReason: StopReason | null = null;
  /** With prefill continuation, the partial answer is resent as the final assistant turn. */
  let prefillBase: MessageParam[] | undefined;

  for (;;) {
    const message: Message = await callClaude(ctx, params, callOptions);
    // A forced choice applies to the first round only: forced again after the tool results,
    // Claude would call the tool forever and the node would fail at max_tool_rounds.
    if (params.tool_choice && !forcesJsonAnswer) params.tool_choice = followUpToolChoice(params.tool_choice);
    stopReason = message.stop_reason as StopReason | null;
    thinkingTexts.push(...message.content.flatMap((block) => (block.type === 'thinking' ? [block.thinking] : [])));
    const answerText = textOf(message.content);
    const uses = message.content.filter((block): block is ToolUseBlock => block.type === 'tool_use');
    const jsonUse = uses.find((use) => use.name === JSON_OUTPUT_TOOL);

    if (jsonUse && jsonTool) {
      text += answerText;
      const raw = jsonUse.input as { [key: string]: Json };
      jsonAnswer = jsonTool.wrapped ? (raw.value ?? null) : raw;
      params.messages.push(assistantTurn(message.content));
      // Pair the tool_use so the recorded conversation stays valid for continue_from.
      params.messages.push({ role: 'user', content: uses.map((use) => ({ type: 'tool_result', tool_use_id: use.id, content: use === jsonUse ? 'Answer recorded.' : 'Not run: the JSON answer ended the turn.' })) });
      break;
    }

    if (stopReason === 'tool_use' && uses.length > 0) {
      if (toolRounds >= maxToolRounds) {
        throw new NodeError({ type: 'tool_error', message: `${id}: Claude was still calling tools after max_tool_rounds (${maxToolRounds}) rounds` });
      }
      toolRounds += 1;
      params.messages.push(assistantTurn(message.content));
      const results: ToolResultBlockParam[] = [];
      // Sequential on purpose: tool side effects (http) happen in the order Claude asked for them.
      for (const use of uses) results.push(await runToolCall(ctx, attached, use, toolRounds));
      params.messages.push({ role: 'user', content: results });
      continue;
    }

    if (stopReason === 'pause_turn' && toolRounds < maxToolRounds) {
      toolRounds += 1;
      params.messages.push(assistantTurn(message.content));
      continue;
    }

    text += answerText;
    if (stopReason === 'max_tokens') {
      const policy = config.on_max_tokens ?? 'fail';
      if (policy === 'fail') {
        throw new NodeError({ type: 'max_tokens', message: `${id}: the answer was cut off at max_tokens (${maxTokens}); raise max_tokens or set on_max_tokens to "warn" or "continue"` });
      }
      if (policy === 'continue' && continuations < MAX_CONTINUATIONS && uses.length === 0) {
        continuations += 1;
        if (spec?.prefill && !options.thinking) {
          prefillBase ??= [...params.messages];
          params.messages = [...prefillBase, { role: 'assistant', content: text.trimEnd() }];
        } else {
          params.messages.push(assistantTurn(message.content), { role: 'user', content: CONTINUE_PROMPT });
        }
        continue;
      }
      warnings.push(policy === 'continue' ? `the answer was still cut off at max_tokens after ${continuations} continuation(s)` : `the answer was cut off at max_tokens (${maxTokens})`);
    }
    if (stopReason === 'refusal') warnings.push('Claude declined to answer (stop_reason "refusal")');
    if (prefillBase) params.messages = [...prefillBase, { role: 'assistant', content: text }];
    else params.messages.push(assistantTurn(message.content));
    break;
  }

  let json: Json = null;
  if (wantsJson) {
    const schema = config.schema as NonNullable<PromptConfig['schema']>;
    json = jsonAnswer !== undefined ? checkJsonAnswer(id, schema, jsonAnswer, false) : checkJsonAnswer(id, schema, text, true);
  }
  const output: PromptOutput = { text, json, stop_reason: stopReason, usage: ctx.meter.usage, messages: params.messages as unknown as Json[] };
  if (options.thinking) output.thinking = thinkingTexts.join('\n\n');
  const result: NodeResult = { output: output as unknown as Json, stop_reason: stopReason, model, warnings };
  return result;
}

function textOf(content: ContentBlock[]): string {
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** The assistant content exactly as received: never filtered, reordered or re-serialised. */
function assistantTurn(content: ContentBlock[]): MessageParam {
  return { role: 'assistant', content: content as unknown as ContentBlockParam[] };
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
  if (setting.type === 'enabled') {
    const param: ThinkingConfigParam = { type: 'enabled', budget_tokens: setting.budget_tokens };
    if (setting.display) param.display = setting.display;
    return param;
  }
  const param: ThinkingConfigParam = { type: 'adaptive' };
  if (setting.display) param.display = setting.display;
  return param;
}
