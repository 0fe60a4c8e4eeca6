import type { ContentBlock, ContentBlockParam, Message, MessageParam, ToolResultBlockParam, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Json } from '../../shared/json-schema';
import type { PromptConfig } from '../../shared/node-configs';
import type { PromptOutput } from '../../shared/node-outputs';
import type { StopReason } from '../../shared/trace-events';
import { buildRequestParams, type RequestOptions } from './build-request-params';
import { callClaude, type CallOptions } from './call-claude';
import { followUpToolChoice } from './follow-up-tool-choice';
import { checkJsonAnswer, JSON_OUTPUT_TOOL } from './json-output';
import { NodeError } from './node-error';
import type { NodeContext, NodeResult } from './node-runner';
import { runToolCall } from './run-tool-call';
import { failOnStopReason } from './stop-outcome';
import { ThinkingTally } from './thinking-tally';

export type ConversationOptions = RequestOptions;

const DEFAULT_MAX_TOOL_ROUNDS = 10;
/** on_max_tokens: "continue" asks for at most this many continuations. */
const MAX_CONTINUATIONS = 3;
const CONTINUE_PROMPT = 'Continue exactly where you stopped, without repeating anything.';
/** pause_turn: the paused turn is sent back as-is at most this many times. */
const MAX_PAUSE_RESENDS = 5;

/**
 * The shared body of prompt, vision and thinking nodes: one streamed call, or the tool loop when
 * tool nodes are attached, then `on_max_tokens` and the JSON output check.
 * Assistant turns are always sent back exactly as received (thinking blocks and signatures in
 * their original order), as the API requires inside a tool loop.
 */
export async function runConversation(ctx: NodeContext, options: ConversationOptions = {}): Promise<NodeResult> {
  const config = ctx.node.config as PromptConfig;
  const id = ctx.node.id;
  const isThinkingNode = ctx.node.type === 'thinking';
  const plan = buildRequestParams(ctx, { ...options, models: ctx.deps.models });
  const { params, jsonTool, forcesJsonAnswer } = plan;
  const model = params.model;
  const maxTokens = params.max_tokens;
  const attached = ctx.graph.toolsOf.get(id) ?? [];
  const wantsJson = config.output === 'json';
  const callOptions: CallOptions = {};
  if (config.timeout_ms !== undefined) callOptions.timeoutMs = config.timeout_ms;

  const maxToolRounds = config.max_tool_rounds ?? DEFAULT_MAX_TOOL_ROUNDS;
  const warnings: string[] = [];
  const notes = [...plan.notes];
  const thinking = new ThinkingTally(plan.thinking);
  let text = '';
  let toolRounds = 0;
  let pauseResends = 0;
  let continuations = 0;
  let jsonAnswer: Json | undefined;
  let stopReason: StopReason | null = null;

  for (;;) {
    const message: Message = await callClaude(ctx, params, callOptions);
    // A forced choice applies to the first round only: forced again after the tool results,
    // Claude would call the tool forever and the node would fail at max_tool_rounds.
    if (params.tool_choice && !forcesJsonAnswer) params.tool_choice = followUpToolChoice(params.tool_choice);
    stopReason = message.stop_reason as StopReason | null;
    thinking.add(message.content);
    failOnStopReason(id, message);
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

    if (stopReason === 'pause_turn') {
      // The API paused a long turn; sending the paused turn back as the last message resumes it.
      if (pauseResends >= MAX_PAUSE_RESENDS) {
        throw new NodeError({ type: 'pause_turn', message: `${id}: Claude's turn was still paused after ${MAX_PAUSE_RESENDS} resends` }, { retryable: true });
      }
      pauseResends += 1;
      text += answerText;
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
        // Not a prefill: current models refuse a final assistant turn, and this keeps the
        // partial turn (with its thinking blocks) in the conversation it belongs to.
        params.messages.push(assistantTurn(message.content), { role: 'user', content: CONTINUE_PROMPT });
        continue;
      }
      warnings.push(policy === 'continue' ? `the answer was still cut off at max_tokens after ${continuations} continuation(s)` : `the answer was cut off at max_tokens (${maxTokens})`);
    }
    params.messages.push(assistantTurn(message.content));
    break;
  }

  let json: Json = null;
  if (wantsJson) {
    const schema = config.schema as NonNullable<PromptConfig['schema']>;
    json = jsonAnswer !== undefined ? checkJsonAnswer(id, schema, jsonAnswer, false) : checkJsonAnswer(id, schema, text, true);
  }
  const output: PromptOutput = { text, json, stop_reason: stopReason, usage: ctx.meter.usage, messages: params.messages as unknown as Json[], model, conversation_key: plan.conversationKey };
  if (isThinkingNode || thinking.text !== '') output.thinking = thinking.text;
  if (thinking.hidden) {
    output.thinking_hidden = true;
    if (isThinkingNode) notes.push(`${model} thought, but the thinking text was not returned (display "omitted"); set thinking.display to "summarized" to see it`);
  }
  const result: NodeResult = { output: output as unknown as Json, stop_reason: stopReason, model, warnings, notes };
  const summary = thinking.summary();
  if (summary) result.thinking = summary;
  return result;
}

function textOf(content: ContentBlock[]): string {
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** The assistant content exactly as received: never filtered, reordered or re-serialised. */
function assistantTurn(content: ContentBlock[]): MessageParam {
  return { role: 'assistant', content: content as unknown as ContentBlockParam[] };
}
