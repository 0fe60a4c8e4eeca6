import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { draftKey, readDraft, removeDraft, writeDraft, type DraftStorage } from '../../../client/src/drafts/draft-store';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const workflow = (id: string): Workflow => ({ formatVersion: 1, id, name: id, nodes: [], edges: [] }) as unknown as Workflow;

describe('draft store', () => {
  it('reads back what it wrote, per stored workflow', () => {
    const storage = memoryStorage();
    writeDraft(storage, { workflow: workflow('a'), savedId: 'a', savedAt: 1 });
    writeDraft(storage, { workflow: workflow('b'), savedId: 'b', savedAt: 2 });
    expect(readDraft(storage, 'a')).toEqual({ workflow: workflow('a'), savedId: 'a', savedAt: 1 });
    expect(readDraft(storage, 'b')?.savedAt).toBe(2);
    expect(readDraft(storage, 'c')).toBeNull();
  });

  it('keys a draft by the stored id even when the id field was edited, and the never-saved document by itself', () => {
    const storage = memoryStorage();
    writeDraft(storage, { workflow: workflow('renamed'), savedId: 'original', savedAt: 1 });
    writeDraft(storage, { workflow: workflow('workflow_1'), savedId: null, savedAt: 2 });
    expect(readDraft(storage, 'original')?.workflow.id).toBe('renamed');
    expect(readDraft(storage, 'renamed')).toBeNull();
    expect(readDraft(storage, null)?.workflow.id).toBe('workflow_1');
    expect(draftKey(null)).not.toBe(draftKey('original'));
  });

  it('forgets a removed draft', () => {
    const storage = memoryStorage();
    writeDraft(storage, { workflow: workflow('a'), savedId: 'a', savedAt: 1 });
    removeDraft(storage, 'a');
    expect(readDraft(storage, 'a')).toBeNull();
  });

  it('treats unreadable or foreign text as no draft', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('a'), '{not json');
    storage.setItem(draftKey('b'), JSON.stringify({ workflow: { id: 'b' }, savedAt: 1 }));
    expect(readDraft(storage, 'a')).toBeNull();
    expect(readDraft(storage, 'b')).toBeNull();
  });

  it('reports a full or disabled storage instead of throwing', () => {
    const full: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(writeDraft(full, { workflow: workflow('a'), savedId: 'a', savedAt: 1 })).toBe(false);
    expect(readDraft(full, 'a')).toBeNull();
    expect(() => removeDraft(full, 'a')).not.toThrow();
  });
});
