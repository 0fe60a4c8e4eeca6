import type { AppState, AppStore } from '../store/app-store';
import { flowToWorkflow } from '../store/workflow-to-flow';
import { removeDraft, writeDraft, type DraftStorage } from './draft-store';

const WRITE_DELAY_MS = 300;

/**
 * Keeps a draft of the open document in `storage` while it has unsaved changes, so a reload, a
 * crash or a closed tab loses nothing. Writes are debounced (typing is many edits) and flushed when
 * another document opens or the page is hidden. A save removes the draft; opening another document
 * keeps it (it is restored when that workflow is opened again). Returns a function that stops it.
 */
export function autosaveDrafts(store: AppStore, storage: DraftStorage, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (state: AppState) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!state.dirty) return;
    writeDraft(storage, { workflow: flowToWorkflow({ meta: state.meta, nodes: state.nodes, edges: state.edges }), savedId: state.savedId, savedAt: now() });
  };

  const unsubscribe = store.subscribe((state, previous) => {
    // Another document opened: the previous one's last edits must not wait for a timer that would write this one.
    if (state.openCount !== previous.openCount && timer !== null) write(previous);
    // Saved: the server has it all now, under the new id and perhaps formerly under another.
    if (previous.dirty && !state.dirty && state.openCount === previous.openCount) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      removeDraft(storage, previous.savedId);
      removeDraft(storage, state.savedId);
      return;
    }
    const changed = state.nodes !== previous.nodes || state.edges !== previous.edges || state.meta !== previous.meta || state.dirty !== previous.dirty;
    if (state.dirty && changed && timer === null) timer = setTimeout(() => write(store.getState()), WRITE_DELAY_MS);
  });
  const flush = () => {
    if (timer !== null) write(store.getState());
  };
  // Absent outside a browser (unit tests), where there is no page to hide.
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', flush);
    flush();
  };
}
