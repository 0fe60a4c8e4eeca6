import { createStore } from 'zustand/vanilla';
import type { AppStore } from '../store/app-store';

/** Text typed into a JSON field that does not parse, and why. */
export interface FieldDraft {
  text: string;
  error: string;
}

/**
 * Invalid text of the open document's JSON fields, by field (`<nodeId>/<field>` or
 * `workflow/<field>`). The document keeps the field's last valid value; the text lives here so
 * that selecting another node and coming back shows it again, marked invalid, instead of
 * silently dropping it. Cleared when another document opens (see `clearFieldDrafts`).
 */
export const fieldDrafts = createStore<{ drafts: Readonly<Record<string, FieldDraft>> }>()(() => ({ drafts: {} }));

export function keepFieldDraft(key: string, draft: FieldDraft): void {
  fieldDrafts.setState((state) => ({ drafts: { ...state.drafts, [key]: draft } }));
}

export function dropFieldDraft(key: string): void {
  if (!(key in fieldDrafts.getState().drafts)) return;
  fieldDrafts.setState((state) => {
    const { [key]: _dropped, ...rest } = state.drafts;
    return { drafts: rest };
  });
}

export function clearFieldDrafts(): void {
  fieldDrafts.setState({ drafts: {} });
}

/** How many fields hold text that is not in the document (a save stores their last valid value). */
export function fieldDraftCount(): number {
  return Object.keys(fieldDrafts.getState().drafts).length;
}

/** Field drafts belong to the open document: another document (or a reopened one) starts without them. */
export function clearFieldDraftsOnOpen(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.openCount !== previous.openCount) clearFieldDrafts();
  });
}
