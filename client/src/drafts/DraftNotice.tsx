import { discardChanges } from '../app-actions';
import { useAppStore } from '../store/use-app-store';

/** Says that the canvas shows a restored draft, not the stored workflow, and offers to throw it away. */
export function DraftNotice() {
  const restoredAt = useAppStore((state) => state.restoredDraftAt);
  if (restoredAt === null) return null;
  const when = new Date(restoredAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <span className="draft-notice" data-testid="draft-restored" role="status">
      Restored unsaved draft from {when}
      <button type="button" className="button button--link" data-testid="discard-draft" onClick={() => void discardChanges()} title="Throw the draft away and show the last saved version">
        Discard draft
      </button>
    </span>
  );
}
