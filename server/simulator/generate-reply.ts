import { createHash } from 'node:crypto';
import { chooseTools } from './choose-tools';
import { composeText } from './compose-text';
import { composeThinking } from './compose-thinking';
import { conversationFacts } from './conversation-facts';
import { isThinkingOn, type MessageRequest } from './message-request';
import { seededId } from './new-id';
import { schemaValue } from './schema-value';
import { signReplyBlocks } from './sign-reply-blocks';
import { countTokens, truncateToTokens } from './tokenizer';
import type { ScriptResponse } from './types';

export type ResponseBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string; citations: null }
  | { type: 'tool_use'; id: string; name: string; input: unknown; caller: { type: 'direct' } };

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal' | 'model_context_window_exceeded';

export interface Reply {
  content: ResponseBlock[];
  stopReason: StopReason;
  stopSequence: string | null;
  stopDetails?: ScriptResponse['stop_details'];
  outputTokens: number;
  thinkingTokens: number;
}

/** A block the generator intends to write, with what it costs in output tokens. */
interface Planned {
  block: ResponseBlock;
  tokens: number;
}

// Adaptive thinking decides its own length; the simulator keeps it short.
const ADAPTIVE_THINKING_TOKENS = 200;

/**
 * The default simulated answer. Same request → same reply: every choice derives from the request
 * body (never from time or randomness), including tool_use ids. `promptTokens` is the input size,
 * which limits the output on a model whose context window it nearly fills.
 */
export function generateReply(request: MessageRequest, promptTokens: number): Reply {
  const { model: _model, stream: _stream, metadata: _metadata, service_tier: _tier, ...content } = request.raw;
  const seedHex = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const seed = parseInt(seedHex.slice(0, 8), 16);
  const facts = conversationFacts(request);
  const tools = chooseTools(request.tools, request.toolChoice, facts);
  const forced = request.toolChoice?.type === 'any' || request.toolChoice?.type === 'tool';
  const context = [facts.lastUserText, facts.questionText, ...facts.toolOutcomes.map((outcome) => outcome.text)].join('\n');
  const thinking = request.effectiveThinking;
  const hidden = thinking.display === 'omitted';

  const planned: Planned[] = [];
  if (isThinkingOn(request)) {
    const limit = thinking.type === 'enabled' ? (thinking.budgetTokens ?? ADAPTIVE_THINKING_TOKENS) : ADAPTIVE_THINKING_TOKENS;
    const reasoning = truncateToTokens(composeThinking(facts, tools.map((tool) => tool.name)), limit);
    // `omitted` hides the text but still bills it; the signature covers what is returned.
    planned.push({ block: { type: 'thinking', thinking: hidden ? '' : reasoning.text, signature: '' }, tokens: reasoning.tokens });
  }
  if (tools.length > 0) {
    if (!forced) {
      const note = `I'll use the ${tools.map((tool) => tool.name).join(' and ')} tool${tools.length > 1 ? 's' : ''} to help with this.`;
      // Opus 5.5 / Sonnet 5.5: "text between tool calls comes back in thinking blocks", empty at
      // the default display; with between_tools the progress notes keep summarized text.
      const inThinking = request.model.thinking.textBetweenToolsInThinking && thinking.type !== 'disabled' && thinking.type !== 'off';
      const block: ResponseBlock = inThinking ? { type: 'thinking', thinking: hidden ? '' : note, signature: '' } : { type: 'text', text: note, citations: null };
      planned.push({ block, tokens: countTokens(note) });
    }
    tools.forEach((tool, index) => {
      const input = schemaValue(tool.input_schema, context || facts.systemText);
      planned.push({ block: { type: 'tool_use', id: seededId('toolu_01', `${seedHex}:${index}`), name: tool.name, input, caller: { type: 'direct' } }, tokens: countTokens(JSON.stringify(input)) + 1 });
    });
  } else if (request.jsonSchema) {
    const text = JSON.stringify(schemaValue(request.jsonSchema, context || facts.systemText));
    planned.push({ block: { type: 'text', text, citations: null }, tokens: countTokens(text) });
  } else {
    const text = composeText(facts, seed);
    planned.push({ block: { type: 'text', text, citations: null }, tokens: countTokens(text) });
  }
  const reply = finalize(planned, request, promptTokens);
  return { ...reply, content: signReplyBlocks(reply.content, request) };
}

/**
 * Applies stop sequences, then the output budget: `max_tokens`, or what is left of the context
 * window when that is less ("model_context_window_exceeded": the API accepts input + max_tokens
 * above the window and stops generation at the window instead of refusing the request).
 */
function finalize(planned: Planned[], request: MessageRequest, promptTokens: number): Reply {
  let stopReason: StopReason = planned.some(({ block }) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  let stopSequence: string | null = null;
  let blocks = planned;
  const textIndex = blocks.findIndex(({ block }) => block.type === 'text');
  if (textIndex >= 0 && request.stopSequences.length > 0) {
    const textBlock = blocks[textIndex]!.block as Extract<ResponseBlock, { type: 'text' }>;
    const hit = request.stopSequences
      .map((sequence) => ({ sequence, at: textBlock.text.indexOf(sequence) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (hit) {
      const text = textBlock.text.slice(0, hit.at);
      blocks = [...blocks.slice(0, textIndex), { block: { ...textBlock, text }, tokens: countTokens(text) }];
      stopReason = 'stop_sequence';
      stopSequence = hit.sequence;
    }
  }

  const windowLeft = Math.max(0, request.model.max_input_tokens - promptTokens);
  const windowLimited = windowLeft < request.maxTokens;
  let budget = Math.min(request.maxTokens, windowLeft);
  const content: ResponseBlock[] = [];
  let used = 0;
  let thinkingTokens = 0;
  for (const { block, tokens } of blocks) {
    if (tokens <= budget) {
      content.push(block);
      budget -= tokens;
      used += tokens;
      if (block.type === 'thinking') thinkingTokens += tokens;
      continue;
    }
    stopReason = windowLimited ? 'model_context_window_exceeded' : 'max_tokens';
    stopSequence = null;
    if (block.type === 'text') {
      const cut = truncateToTokens(block.text, budget);
      if (cut.text) content.push({ ...block, text: cut.text });
      used += cut.tokens;
    }
    break;
  }
  const outputTokens = request.maxTokens === 0 ? 0 : Math.max(1, used);
  return { content, stopReason, stopSequence, outputTokens, thinkingTokens };
}
