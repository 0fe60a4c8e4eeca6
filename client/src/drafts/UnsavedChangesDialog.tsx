import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { unsavedChangesQuestion } from './unsaved-changes-question';

/** Save / Discard / Cancel before the open document with unsaved changes is replaced. */
export function UnsavedChangesDialog() {
  const question = useStore(unsavedChangesQuestion, (state) => state.question);
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!question) return;
    saveButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') question.answer('cancel');
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [question]);
  if (!question) return null;
  return (
    <div className="modal-backdrop" onClick={() => question.answer('cancel')}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="unsaved-title" data-testid="unsaved-dialog" onClick={(event) => event.stopPropagation()}>
        <h2 id="unsaved-title">Unsaved changes</h2>
        <p>
          <strong>{question.workflowName}</strong> has changes that are not saved. Save them before you {question.action}?
        </p>
        <div className="modal__actions">
          <button type="button" className="button" data-testid="unsaved-cancel" onClick={() => question.answer('cancel')}>
            Cancel
          </button>
          <button type="button" className="button button--danger" data-testid="unsaved-discard" onClick={() => question.answer('discard')}>
            Discard changes
          </button>
          <button type="button" ref={saveButton} className="button button--primary" data-testid="unsaved-save" onClick={() => question.answer('save')}>
            Save
          </button>
        </div>
      </div>
    </div>
  );
}
