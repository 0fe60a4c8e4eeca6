import type { ResponseBlock } from './generate-reply';
import type { MessageRequest } from './message-request';
import { signThinking } from './thinking-signature';

/**
 * Signs every thinking block of a reply that has no signature yet, binding it to the model and to
 * everything before it: the request's prefix plus the reply's earlier blocks (the same prefix the
 * block will have when the client sends this turn back).
 */
export function signReplyBlocks(blocks: ResponseBlock[], request: MessageRequest): ResponseBlock[] {
  const prefix = request.prefix.fork();
  prefix.beginTurn('assistant');
  return blocks.map((block) => {
    const signed = block.type === 'thinking' && !block.signature ? { ...block, signature: signThinking(block.thinking, { model: request.model.id, prefix: prefix.digest() }) } : block;
    prefix.addBlock(signed);
    return signed;
  });
}
