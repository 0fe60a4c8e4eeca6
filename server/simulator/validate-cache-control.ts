import { invalid } from './api-error';
import { isObject } from './is-object';
import type { CacheControl } from './message-request';

/** Validates one `cache_control` value; returns it typed, or undefined when absent. */
export function readCacheControl(value: unknown, path: string): CacheControl | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalid(path, 'Input should be an object');
  if (value.type !== 'ephemeral') throw invalid(`${path}.type`, "Input should be 'ephemeral'");
  if (value.ttl !== undefined && value.ttl !== '5m' && value.ttl !== '1h') throw invalid(`${path}.ttl`, "Input should be '5m' or '1h'");
  return { type: 'ephemeral', ...(value.ttl ? { ttl: value.ttl } : {}) };
}

export interface Breakpoint {
  path: string;
  control: CacheControl;
}

/** At most 4 breakpoints, and every 1h breakpoint before any 5m one (prefix order tools → system → messages). */
export function validateBreakpoints(breakpoints: Breakpoint[]): void {
  if (breakpoints.length > 4) {
    throw invalid(breakpoints[4]?.path ?? 'cache_control', `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints.length}.`);
  }
  let firstShort: Breakpoint | undefined;
  for (const breakpoint of breakpoints) {
    const ttl = breakpoint.control.ttl ?? '5m';
    if (ttl === '5m') firstShort ??= breakpoint;
    else if (firstShort) {
      throw invalid(`${breakpoint.path}.ttl`, `a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block (${firstShort.path})`);
    }
  }
}
