import type { Reply, ResponseBlock } from './generate-reply';
import type { MessageRequest } from './message-request';
import { seededId } from './new-id';
import { signReplyBlocks } from './sign-reply-blocks';
import { countTokens } from './tokenizer';
import type { ScriptResponse } from './types';

/**
 * A reply whose content comes verbatim from a script rule; tool_use ids and `caller` are filled in
 * when missing, and thinking blocks without a signature are signed like generated ones (bound to
 * the model and conversation) so they can be sent back.
 */
export function scriptedReply(respond: ScriptResponse, seed: string, request: MessageRequest): Reply {
  const content = (respond.content ?? []).map((block, index): ResponseBlock => {
    if (block.type === 'tool_use') {
      return { id: seededId('toolu_01', `${seed}:${index}`), caller: { type: 'direct' }, input: {}, ...block } as ResponseBlock;
    }
    if (block.type === 'text') return { citations: null, ...block } as ResponseBlock;
    if (block.type === 'thinking') return { thinking: '', signature: '', ...block } as ResponseBlock;
    return block as ResponseBlock;
  });
  const counted = content.reduce((sum, block) => {
    if (block.type === 'text') return sum + countTokens(block.text);
    if (block.type === 'thinking') return sum + countTokens(block.thinking);
    if (block.type === 'tool_use') return sum + countTokens(JSON.stringify(block.input)) + 1;
    return sum;
  }, 0);
  return {
    content: signReplyBlocks(content, request),
    stopReason: respond.stop_reason ?? (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
    stopSequence: respond.stop_sequence ?? null,
    stopDetails: respond.stop_details ?? null,
    outputTokens: respond.usage?.output_tokens ?? Math.max(1, counted),
    thinkingTokens: content.filter((block) => block.type === 'thinking').reduce((sum, block) => sum + countTokens((block as { thinking: string }).thinking), 0),
  };
}
