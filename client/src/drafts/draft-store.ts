import type { Workflow } from '../../../shared/workflow-types';

/** The part of `localStorage` drafts use, so tests pass a Map-backed fake. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Unsaved edits of one document, as last autosaved. */
export interface Draft {
  workflow: Workflow;
  /** The id the document is stored under on the server; null for a never-saved document. */
  savedId: string | null;
  /** When the draft was written (ms since epoch), shown when it is restored. */
  savedAt: number;
}

const PREFIX = 'trellis.draft.';
// A never-saved document has no stored id; there is at most one such draft (the canvas holds one document).
const NEW_DOCUMENT = '(new)';

/**
 * Drafts are keyed by the id the document is stored under, not the id in its fields: renaming the
 * id in the inspector must not orphan the draft of the stored workflow it came from.
 */
export function draftKey(savedId: string | null): string {
  return PREFIX + (savedId ?? NEW_DOCUMENT);
}

export function writeDraft(storage: DraftStorage, draft: Draft): boolean {
  try {
    storage.setItem(draftKey(draft.savedId), JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled (private mode): the canvas keeps working without drafts.
    return false;
  }
}

/** The draft for a stored id (or the never-saved document), or null if there is none or it is unreadable. */
export function readDraft(storage: DraftStorage, savedId: string | null): Draft | null {
  let text: string | null;
  try {
    text = storage.getItem(draftKey(savedId));
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const draft = JSON.parse(text) as Partial<Draft>;
    const workflow = draft.workflow as Partial<Workflow> | undefined;
    // Written by an older build or edited by hand: a draft that cannot be opened is no draft.
    if (!workflow || typeof workflow.id !== 'string' || !Array.isArray(workflow.nodes) || !Array.isArray(workflow.edges) || typeof draft.savedAt !== 'number') return null;
    return { workflow: draft.workflow as Workflow, savedId: draft.savedId ?? null, savedAt: draft.savedAt };
  } catch {
    return null;
  }
}

export function removeDraft(storage: DraftStorage, savedId: string | null): void {
  try {
    storage.removeItem(draftKey(savedId));
  } catch {
    // Storage disabled: there was nothing to remove.
  }
}
