/** Keys that could reach Object.prototype if any later code merged or assigned the body by key. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON pointer of the first forbidden key in a parsed JSON value, or undefined. Iterative. */
export function findForbiddenKey(value: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    // Object.keys sees an own `__proto__` created by JSON.parse, which `in`/getters would not.
    for (const key of Object.keys(item.value)) {
      const path = `${item.path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (FORBIDDEN_KEYS.has(key)) return path;
      stack.push({ value: (item.value as Record<string, unknown>)[key], path });
    }
  }
  return undefined;
}
