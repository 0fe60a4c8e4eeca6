import { describe, expect, it } from 'vitest';
import { applyJsonChanges, parsePointer } from '../../../client/src/store/apply-json-changes';

const doc = () => ({
  nodes: [
    { id: 'a', config: { model: 'm1', effort: 'xhigh' } },
    { id: 'b/c', config: { 'x~y': 1 } },
  ],
  defaults: { model: 'm1' },
});

describe('parsePointer', () => {
  it('splits and unescapes RFC 6901 pointers', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/nodes/0/config')).toEqual(['nodes', '0', 'config']);
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePointer('nodes')).toBeNull();
  });
});

describe('applyJsonChanges', () => {
  it('sets and removes fields in order without mutating the input, sharing untouched parts', () => {
    const before = doc();
    const frozen = JSON.stringify(before);
    const result = applyJsonChanges(before, [
      { path: '/nodes/0/config/effort' },
      { path: '/nodes/0/config/thinking', value: { type: 'adaptive' } },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.nodes[0]!.config).toEqual({ model: 'm1', thinking: { type: 'adaptive' } });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(result.value.nodes[1]).toBe(before.nodes[1]);
    expect(result.value.defaults).toBe(before.defaults);
  });

  it('replaces array items and follows escaped keys', () => {
    const result = applyJsonChanges(doc(), [{ path: '/nodes/1/config/x~0y', value: 2 }]);
    expect(result.ok && result.value.nodes[1]!.config).toEqual({ 'x~y': 2 });
  });

  it('treats removing a missing key as done', () => {
    const before = doc();
    const result = applyJsonChanges(before, [{ path: '/defaults/max_tokens' }]);
    expect(result.ok && result.value.defaults).toBe(before.defaults);
  });

  it('fails the whole fix when a path does not exist any more, changing nothing', () => {
    const before = doc();
    const result = applyJsonChanges(before, [
      { path: '/defaults/model', value: 'm2' },
      { path: '/nodes/5/config/effort', value: 'high' },
    ]);
    expect(result).toEqual({ ok: false, reason: '/nodes/5/config/effort: no item "5" in the array.' });
    expect(before.defaults.model).toBe('m1');
    expect(applyJsonChanges(before, [{ path: '/nodes/0/config/model/deeper', value: 1 }]).ok).toBe(false);
    expect(applyJsonChanges(before, [{ path: '/missing/field', value: 1 }]).ok).toBe(false);
    expect(applyJsonChanges(before, [{ path: 'nodes', value: 1 }]).ok).toBe(false);
  });
});
