import { createHash } from 'node:crypto';
import { chooseTools } from './choose-tools';
import { composeText } from './compose-text';
import { composeThinking } from './compose-thinking';
import { conversationFacts } from './conversation-facts';
import { isThinkingOn, type MessageRequest } from './message-request';
import { seededId } from './new-id';
import { schemaValue } from './schema-value';
import { signThinking } from './thinking-signature';
import { countTokens, truncateToTokens } from './tokenizer';

export type ResponseBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string; citations: null }
  | { type: 'tool_use'; id: string; name: string; input: unknown; caller: { type: 'direct' } };

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';

export interface Reply {
  content: ResponseBlock[];
  stopReason: StopReason;
  stopSequence: string | null;
  outputTokens: number;
  thinkingTokens: number;
}

// Adaptive thinking decides its own length; the simulator keeps it short.
const ADAPTIVE_THINKING_TOKENS = 200;

/**
 * The default simulated answer. Same request → same reply: every choice derives from the request
 * body (never from time or randomness), including tool_use ids.
 */
export function generateReply(request: MessageRequest): Reply {
  const { model: _model, stream: _stream, metadata: _metadata, service_tier: _tier, ...content } = request.raw;
  const seedHex = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const seed = parseInt(seedHex.slice(0, 8), 16);
  const facts = conversationFacts(request);
  const tools = chooseTools(request.tools, request.toolChoice, facts);
  const forced = request.toolChoice?.type === 'any' || request.toolChoice?.type === 'tool';
  const context = [facts.lastUserText, facts.questionText, ...facts.toolOutcomes.map((outcome) => outcome.text)].join('\n');

  const planned: ResponseBlock[] = [];
  let thinkingTokens = 0;
  if (isThinkingOn(request)) {
    const limit = request.thinking?.type === 'enabled' ? request.thinking.budget_tokens : ADAPTIVE_THINKING_TOKENS;
    const reasoning = truncateToTokens(composeThinking(facts, tools.map((tool) => tool.name)), limit);
    thinkingTokens = reasoning.tokens;
    // `omitted` hides the text but still bills it; the signature covers what is returned.
    const shown = request.thinking && 'display' in request.thinking && request.thinking.display === 'omitted' ? '' : reasoning.text;
    planned.push({ type: 'thinking', thinking: shown, signature: signThinking(shown) });
  }
  if (tools.length > 0) {
    if (!forced) planned.push({ type: 'text', text: `I'll use the ${tools.map((tool) => tool.name).join(' and ')} tool${tools.length > 1 ? 's' : ''} to help with this.`, citations: null });
    tools.forEach((tool, index) => {
      const input = schemaValue(tool.input_schema, context || facts.systemText);
      planned.push({ type: 'tool_use', id: seededId('toolu_01', `${seedHex}:${index}`), name: tool.name, input, caller: { type: 'direct' } });
    });
  } else if (request.jsonSchema) {
    planned.push({ type: 'text', text: JSON.stringify(schemaValue(request.jsonSchema, context || facts.systemText)), citations: null });
  } else {
    planned.push({ type: 'text', text: composeText(facts, seed), citations: null });
  }
  return finalize(planned, request, thinkingTokens);
}

/** Applies stop sequences, then the max_tokens budget, to the planned blocks. */
function finalize(planned: ResponseBlock[], request: MessageRequest, thinkingTokens: number): Reply {
  let stopReason: StopReason = planned.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  let stopSequence: string | null = null;
  let blocks = planned;
  const textIndex = blocks.findIndex((block) => block.type === 'text');
  if (textIndex >= 0 && request.stopSequences.length > 0) {
    const textBlock = blocks[textIndex] as Extract<ResponseBlock, { type: 'text' }>;
    const hit = request.stopSequences
      .map((sequence) => ({ sequence, at: textBlock.text.indexOf(sequence) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (hit) {
      blocks = [...blocks.slice(0, textIndex), { ...textBlock, text: textBlock.text.slice(0, hit.at) }];
      stopReason = 'stop_sequence';
      stopSequence = hit.sequence;
    }
  }

  const content: ResponseBlock[] = [];
  let budget = request.maxTokens;
  let used = 0;
  for (const block of blocks) {
    const cost = block.type === 'thinking' ? thinkingTokens : block.type === 'text' ? countTokens(block.text) : countTokens(JSON.stringify(block.input)) + 1;
    if (cost <= budget) {
      content.push(block);
      budget -= cost;
      used += cost;
      continue;
    }
    stopReason = 'max_tokens';
    stopSequence = null;
    if (block.type === 'text') {
      const cut = truncateToTokens(block.text, budget);
      if (cut.text) content.push({ ...block, text: cut.text });
      used += cut.tokens;
    }
    break;
  }
  const outputTokens = request.maxTokens === 0 ? 0 : Math.max(1, used);
  return { content, stopReason, stopSequence, outputTokens, thinkingTokens: content.some((block) => block.type === 'thinking') ? thinkingTokens : 0 };
}
