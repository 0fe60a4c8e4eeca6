import type { ContentBlock, ContentBlockParam, Message, MessageParam, ToolResultBlockParam, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Json } from '../../shared/json-schema';
import { factsCatalog } from '../../shared/claude-models/model-catalog';
import type { PromptConfig } from '../../shared/node-configs';
import type { PromptOutput } from '../../shared/node-outputs';
import type { StopReason } from '../../shared/trace-events';
import type { WorkflowNode } from '../../shared/workflow-types';
import { buildRequestParams, type RequestOptions } from './build-request-params';
import { callClaude, type CallOptions } from './call-claude';
import { followUpToolChoice } from './follow-up-tool-choice';
import { checkJsonAnswer, JSON_OUTPUT_TOOL } from './json-output';
import { NodeError } from './node-error';
import type { NodeContext, NodeResult } from './node-runner';
import { runToolCall } from './run-tool-call';

// The facts table until the engine is handed the server's catalogue (the engine environment's job).
const FACTS = factsCatalog();

export type ConversationOptions = RequestOptions;

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
  const node = ctx.node as WorkflowNode;
  const thinking = node.type === 'thinking' ? node.config.thinking : undefined;
  const { params, jsonTool, forcesJsonAnswer } = buildRequestParams(ctx, options);
  const model = params.model;
  const maxTokens = params.max_tokens;
  const spec = FACTS.find(model)?.facts;
  const attached = ctx.graph.toolsOf.get(id) ?? [];
  const wantsJson = config.output === 'json';
  const callOptions: CallOptions = {};
  if (config.timeout_ms !== undefined) callOptions.timeoutMs = config.timeout_ms;

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
        if (spec?.prefill && !thinking) {
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
  if (thinking) output.thinking = thinkingTexts.join('\n\n');
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
