import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';

export const MAX_CACHE_BREAKPOINTS = 4;

/**
 * The API's placement rules for prompt-cache breakpoints, checked on a request before it is sent:
 * at most 4 `cache_control` blocks, and in prefix order (tools → system → messages) every 1h
 * breakpoint before any 5m one. Returns one message per broken rule (the API answers 400).
 */
export function checkCacheBreakpoints(params: Pick<MessageCreateParamsNonStreaming, 'tools' | 'system' | 'messages'>): string[] {
  const ttls: { where: string; ttl: '5m' | '1h' }[] = [];
  const visit = (block: unknown, where: string): void => {
    if (block === null || typeof block !== 'object') return;
    const control = (block as { cache_control?: { ttl?: '5m' | '1h' } | null }).cache_control;
    if (control) ttls.push({ where, ttl: control.ttl ?? '5m' });
  };
  params.tools?.forEach((tool, index) => visit(tool, `tools.${index}`));
  if (Array.isArray(params.system)) params.system.forEach((block, index) => visit(block, `system.${index}`));
  params.messages.forEach((message, turn) => {
    if (Array.isArray(message.content)) message.content.forEach((block, index) => visit(block, `messages.${turn}.content.${index}`));
  });
  const problems: string[] = [];
  if (ttls.length > MAX_CACHE_BREAKPOINTS) {
    problems.push(`${ttls.length} cache breakpoints (${ttls.map((point) => point.where).join(', ')}); the API allows at most ${MAX_CACHE_BREAKPOINTS} and rejects the request`);
  }
  const firstShort = ttls.findIndex((point) => point.ttl === '5m');
  const lateLong = firstShort < 0 ? undefined : ttls.slice(firstShort).find((point) => point.ttl === '1h');
  if (lateLong) {
    problems.push(`1h cache breakpoint at ${lateLong.where} comes after the 5m breakpoint at ${ttls[firstShort]?.where}; 1h breakpoints must come first and the API rejects the request`);
  }
  return problems;
}
