import type { PromptConfig } from '../node-configs';

/** The API's limit on cache_control breakpoints per request. */
export const MAX_CACHE_BREAKPOINTS = 4;

export interface PlannedBreakpoint {
  /** Where the TTL is set, relative to the node (for the issue path). */
  path: (string | number)[];
  /** How a user finds it: "cache_tools", "system", "messages[2]". */
  label: string;
  ttl: '5m' | '1h';
}

/**
 * The cache breakpoints a prompt-like node's first request carries, in prefix order
 * (tools → system → messages), as the engine places them (server/engine/build-request-params.ts).
 * `hasTools`: the request has a tool for `cache_tools` to mark, attached or the json_output tool.
 * Carried `continue_from` turns bring none: the engine strips their breakpoints.
 */
export function plannedBreakpoints(config: PromptConfig, hasTools: boolean): PlannedBreakpoint[] {
  const points: PlannedBreakpoint[] = [];
  if (config.cache_tools && hasTools) points.push({ path: ['config', 'cache_tools_ttl'], label: 'cache_tools', ttl: config.cache_tools_ttl ?? '5m' });
  if (config.system?.cache && config.system.text.trim() !== '') points.push({ path: ['config', 'system', 'cache_ttl'], label: 'system', ttl: config.system.cache_ttl ?? '5m' });
  config.messages.forEach((message, index) => {
    if (message.cache) points.push({ path: ['config', 'messages', index, 'cache_ttl'], label: `messages[${index}]`, ttl: message.cache_ttl ?? '5m' });
  });
  return points;
}

/** The first 1h breakpoint that follows a 5m one (the API rejects that order), with that 5m one. */
export function misorderedBreakpoint(points: readonly PlannedBreakpoint[]): { long: PlannedBreakpoint; short: PlannedBreakpoint } | undefined {
  const short = points.find((point) => point.ttl === '5m');
  if (!short) return undefined;
  const long = points.slice(points.indexOf(short)).find((point) => point.ttl === '1h');
  return long ? { long, short } : undefined;
}
