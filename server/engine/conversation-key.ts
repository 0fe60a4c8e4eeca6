import { createHash } from 'node:crypto';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';

/**
 * What a thinking block is bound to besides the earlier turns: the model, the system prompt and
 * the tool list (the API signs blocks over them and refuses or drops a block sent under any other).
 * Cache breakpoints are left out: they mark the prefix, they do not change it.
 */
export function conversationKey(params: Pick<MessageCreateParamsBase, 'model' | 'system' | 'tools'>): string {
  const bound = { model: params.model, system: withoutCacheControl(params.system ?? null), tools: withoutCacheControl(params.tools ?? []) };
  return createHash('sha256').update(JSON.stringify(bound)).digest('base64url').slice(0, 22);
}

function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'cache_control').map(([key, item]) => [key, withoutCacheControl(item)]));
}
