import type { Json } from '../../shared/json-schema';

export interface Difference {
  /** Where the values first differ, e.g. `body.messages[0].content`. */
  path: string;
  recorded: Json | undefined;
  actual: Json | undefined;
}

/** The first place (depth-first, keys in sorted order) where two JSON values differ; undefined when equal. */
export function firstDifference(recorded: Json | undefined, actual: Json | undefined, path: string): Difference | undefined {
  if (recorded === actual) return undefined;
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    const length = Math.max(recorded.length, actual.length);
    for (let index = 0; index < length; index += 1) {
      const found = firstDifference(recorded[index], actual[index], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(recorded) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const found = firstDifference(recorded[key], actual[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return { path, recorded, actual };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
