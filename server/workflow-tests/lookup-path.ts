import type { Json } from '../../shared/json-schema';
import type { RunView } from './test-case';
import { splitPath } from './split-path';

const ROOTS = new Set(['outputs', 'nodes', 'run']);

export type Lookup = { found: true; value: Json } | { found: false; reason: string };

/**
 * Resolves an assertion path in the run view. A first segment other than `outputs`, `nodes` or
 * `run` is a node id (`classify.text` = `nodes.classify.text`). Only own properties are followed,
 * so `__proto__` or `constructor` never resolve to anything.
 */
export function lookupPath(view: RunView, path: string): Lookup {
  const segments = splitPath(path);
  if (!segments) return { found: false, reason: `malformed path "${path}"` };
  const full = ROOTS.has(segments[0] as string) ? segments : ['nodes', ...segments];
  let current: Json = view as unknown as Json;
  for (const [index, segment] of full.entries()) {
    const next = child(current, segment);
    if (next === undefined) {
      const where = full.slice(0, index).join('.');
      if (index === 1 && full[0] === 'nodes' && view.run.skipped.includes(segment)) return { found: false, reason: `node ${segment} was skipped` };
      return { found: false, reason: `${where ? `${where} has no` : 'no'} "${segment}"${index === 1 ? ` (available: ${Object.keys(asRecord(current)).join(', ') || 'none'})` : ''}` };
    }
    current = next;
  }
  return { found: true, value: current };
}

function child(value: Json, segment: string): Json | undefined {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}

function asRecord(value: Json): Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
