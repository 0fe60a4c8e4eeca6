import { describe, expect, it } from 'vitest';
import { freeWorkflowId } from '../../../client/src/workflows/free-workflow-id';

describe('freeWorkflowId', () => {
  it('keeps an id nobody has', () => {
    expect(freeWorkflowId('haiku', new Set(['other']))).toBe('haiku');
  });

  it('numbers a clashing id from 2, skipping taken numbers', () => {
    expect(freeWorkflowId('haiku', new Set(['haiku']))).toBe('haiku-2');
    expect(freeWorkflowId('haiku', new Set(['haiku', 'haiku-2', 'haiku-3']))).toBe('haiku-4');
  });

  it('counts on from an already numbered id instead of stacking suffixes', () => {
    expect(freeWorkflowId('haiku-2', new Set(['haiku', 'haiku-2']))).toBe('haiku-3');
  });

  it('stays within the id length limit', () => {
    const long = 'a'.repeat(64);
    const free = freeWorkflowId(long, new Set([long]));
    expect(free.length).toBeLessThanOrEqual(64);
    expect(free.endsWith('-2')).toBe(true);
  });
});
