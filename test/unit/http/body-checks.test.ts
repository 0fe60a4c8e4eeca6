import { describe, expect, it } from 'vitest';
import { findForbiddenKey } from '../../../server/http/find-forbidden-key';
import { exceedsJsonDepth } from '../../../server/http/measure-json-depth';

describe('exceedsJsonDepth', () => {
  it('counts nesting of arrays and objects, not brackets inside strings', () => {
    expect(exceedsJsonDepth('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(exceedsJsonDepth('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":"[[[[[[[[[[{{{{{{"}', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\"[[[[[["}', 1)).toBe(false);
  });

  it('handles a 100,000-deep text without recursion', () => {
    expect(exceedsJsonDepth('['.repeat(100_000), 100)).toBe(true);
  });
});

describe('findForbiddenKey', () => {
  it('finds prototype keys at any depth and reports a JSON pointer', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}'))).toBe('/a/0/b/__proto__');
    expect(findForbiddenKey({ nodes: [{ config: { constructor: 1 } }] })).toBe('/nodes/0/config/constructor');
    expect(findForbiddenKey({ 'a/b': { prototype: true } })).toBe('/a~1b/prototype');
  });

  it('accepts ordinary documents, including the words as values', () => {
    expect(findForbiddenKey({ name: '__proto__', list: ['constructor', { prototype_id: 1 }] })).toBeUndefined();
    expect(findForbiddenKey(null)).toBeUndefined();
  });
});
