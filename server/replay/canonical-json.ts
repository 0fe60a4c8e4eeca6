import type { Json } from '../../shared/json-schema';

/** A copy of `value` with every object's keys sorted, so equal content serialises identically. */
export function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(value[key] as Json);
    return sorted;
  }
  return value;
}

/** JSON text with sorted keys and no whitespace: the identity of a request body. */
export function canonicalJson(value: Json | undefined): string {
  return value === undefined ? '' : JSON.stringify(sortKeysDeep(value));
}
