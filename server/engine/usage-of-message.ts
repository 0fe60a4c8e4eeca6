import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Usage } from '../../shared/usage';

/**
 * A response's usage in Trellis's shape. The TTL split of cache writes is kept only when something
 * was written, so usage without caching stays the four plain counters.
 */
export function usageOfMessage(message: Pick<Message, 'usage'>): Usage {
  const usage = message.usage;
  const result: Usage = {
    input_tokens: usage.input_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
  };
  const split = usage.cache_creation;
  if (split && result.cache_creation_input_tokens > 0) {
    result.cache_creation = { ephemeral_5m_input_tokens: split.ephemeral_5m_input_tokens ?? 0, ephemeral_1h_input_tokens: split.ephemeral_1h_input_tokens ?? 0 };
  }
  return result;
}
