import type { Json } from '../../../shared/json-schema';
import type { IssueFix } from '../../../shared/validation/workflow-issue';

export type JsonChange = IssueFix['changes'][number];

export type ChangeResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** RFC 6901: '' is the whole document; `~1` is `/` and `~0` is `~` inside a segment. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

type Container = { [key: string]: Json } | Json[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

function indexOf(array: readonly unknown[], segment: string): number | null {
  if (!/^(0|[1-9]\d*)$/.test(segment)) return null;
  const index = Number(segment);
  return index < array.length ? index : null;
}

/**
 * `value` set at `segments` (undefined removes the key), copying only the containers along the
 * path. Parents must exist: a fix written for another version of the document fails instead of
 * inventing structure.
 */
function changedAt(target: Json, segments: readonly string[], value: Json | undefined, pointer: string): ChangeResult<Json> {
  const [head, ...rest] = segments;
  if (head === undefined) return value === undefined ? { ok: false, reason: `cannot remove the whole document (${pointer || "''"}).` } : { ok: true, value };
  if (!isContainer(target)) return { ok: false, reason: `${pointer} goes through a value that is not an object or array.` };
  if (Array.isArray(target)) {
    const index = indexOf(target, head);
    if (index === null) return { ok: false, reason: `${pointer}: no item "${head}" in the array.` };
    if (rest.length === 0 && value === undefined) return { ok: true, value: target.filter((_, at) => at !== index) };
    const inner = changedAt(target[index] as Json, rest, value, pointer);
    return inner.ok ? { ok: true, value: target.map((item, at) => (at === index ? inner.value : item)) } : inner;
  }
  const has = Object.prototype.hasOwnProperty.call(target, head);
  if (rest.length === 0) {
    if (value !== undefined) return { ok: true, value: { ...target, [head]: value } };
    if (!has) return { ok: true, value: target };
    const { [head]: _removed, ...kept } = target;
    return { ok: true, value: kept };
  }
  if (!has) return { ok: false, reason: `${pointer}: no "${head}" here.` };
  const inner = changedAt(target[head] as Json, rest, value, pointer);
  return inner.ok ? { ok: true, value: { ...target, [head]: inner.value } } : inner;
}

/**
 * Applies a fix's changes in order to a JSON document without mutating it. Untouched subtrees keep
 * their identity, so callers can tell what changed. All or nothing: one change that does not apply
 * fails the whole fix.
 */
export function applyJsonChanges<T>(document: T, changes: readonly JsonChange[]): ChangeResult<T> {
  let current = document as unknown as Json;
  for (const change of changes) {
    const segments = parsePointer(change.path);
    if (segments === null) return { ok: false, reason: `"${change.path}" is not a JSON pointer.` };
    const next = changedAt(current, segments, change.value, change.path);
    if (!next.ok) return next;
    current = next.value;
  }
  return { ok: true, value: current as unknown as T };
}
