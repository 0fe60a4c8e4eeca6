import type { Reply } from './generate-reply';
import { newId } from './new-id';
import type { CacheUsage } from './prompt-cache';

export type ServiceTier = 'standard' | 'batch';

/** The response `Message` object (wire §2). */
export function buildMessage(model: string, reply: Reply, cache: CacheUsage, serviceTier: ServiceTier = 'standard'): Record<string, unknown> {
  return {
    id: newId('msg_01'),
    type: 'message',
    role: 'assistant',
    model,
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: reply.stopSequence,
    stop_details: reply.stopDetails ?? null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: cache.input_tokens,
      output_tokens: reply.outputTokens,
      cache_creation_input_tokens: cache.cache_creation_input_tokens,
      cache_read_input_tokens: cache.cache_read_input_tokens,
      cache_creation: cache.cache_creation,
      server_tool_use: null,
      output_tokens_details: { thinking_tokens: reply.thinkingTokens },
      service_tier: serviceTier,
      inference_geo: null,
      speed: null,
    },
  };
}
