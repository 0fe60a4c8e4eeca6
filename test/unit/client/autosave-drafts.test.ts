import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosaveDrafts } from '../../../client/src/drafts/autosave-drafts';
import { readDraft, type DraftStorage } from '../../../client/src/drafts/draft-store';
import { createAppStore } from '../../../client/src/store/app-store';
import { blankWorkflow } from '../../../client/src/store/blank-workflow';

function memoryStorage(): DraftStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

describe('autosaveDrafts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const store = createAppStore();
    const storage = memoryStorage();
    store.getState().openDocument(blankWorkflow('stored'), 'stored');
    const stop = autosaveDrafts(store, storage, () => 42);
    return { store, storage, stop };
  };

  it('writes an edited document after a pause, not on every keystroke, and not while nothing changed', () => {
    const { store, storage } = setup();
    vi.advanceTimersByTime(1000);
    expect(readDraft(storage, 'stored')).toBeNull();

    store.getState().updateMeta({ name: 'H' }, 'name');
    store.getState().updateMeta({ name: 'Ha' }, 'name');
    expect(readDraft(storage, 'stored')).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(readDraft(storage, 'stored')).toMatchObject({ savedId: 'stored', savedAt: 42, workflow: { id: 'stored', name: 'Ha' } });
  });

  it('removes the draft once the document is saved', () => {
    const { store, storage } = setup();
    store.getState().updateMeta({ name: 'Edited' });
    vi.advanceTimersByTime(1000);
    store.getState().markSaved(store.getState().toWorkflow());
    expect(readDraft(storage, 'stored')).toBeNull();
  });

  it('keeps the last edits of a document when another one opens before the pause ends', () => {
    const { store, storage } = setup();
    store.getState().updateMeta({ name: 'Last words' });
    store.getState().openDocument(blankWorkflow('other'), 'other');
    expect(readDraft(storage, 'stored')?.workflow.name).toBe('Last words');
    vi.advanceTimersByTime(1000);
    expect(readDraft(storage, 'other')).toBeNull();
  });

  it('removes the draft when the changes are thrown away', () => {
    const { store, storage } = setup();
    store.getState().updateMeta({ name: 'Unwanted' });
    vi.advanceTimersByTime(1000);
    store.getState().forgetChanges();
    vi.advanceTimersByTime(1000);
    expect(readDraft(storage, 'stored')).toBeNull();
  });

  it('keeps a never-saved document under its own key', () => {
    const { store, storage } = setup();
    store.getState().newDocument('workflow_1');
    store.getState().updateMeta({ name: 'Fresh' });
    vi.advanceTimersByTime(1000);
    expect(readDraft(storage, null)?.workflow).toMatchObject({ id: 'workflow_1', name: 'Fresh' });
  });
});
