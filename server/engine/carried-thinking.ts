import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';

/**
 * Removes thinking and redacted_thinking blocks from carried turns (continue_from under another
 * model, system prompt or tool list). The API refuses such blocks (400, signature bound to another
 * conversation) or drops them silently; dropping them here is the same outcome, said out loud.
 * A turn left empty is removed: the API merges the neighbouring same-role turns.
 * Returns how many blocks were dropped. Mutates `messages` (the caller's own copy).
 */
export function dropCarriedThinking(messages: MessageParam[]): number {
  let dropped = 0;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index] as MessageParam;
    if (message.role !== 'assistant' || !Array.isArray(message.content)) continue;
    const kept = message.content.filter((block: ContentBlockParam) => block.type !== 'thinking' && block.type !== 'redacted_thinking');
    dropped += message.content.length - kept.length;
    if (kept.length === 0) messages.splice(index, 1);
    else message.content = kept;
  }
  return dropped;
}
