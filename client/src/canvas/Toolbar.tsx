import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { exportDocument, saveDocument } from '../app-actions';
import { fieldDrafts } from '../drafts/field-drafts';
import { appStore, useAppStore } from '../store/use-app-store';

export function Toolbar() {
  const { name, dirty, canUndo, canRedo, savedId } = useAppStore(
    useShallow((state) => ({ name: state.meta.name, dirty: state.dirty, canUndo: state.past.length > 0, canRedo: state.future.length > 0, savedId: state.savedId })),
  );
  // Invalid JSON text is not in the document, so `dirty` cannot tell: say it here, or it is easy to forget.
  const unparsedFields = useStore(fieldDrafts, (state) => Object.keys(state.drafts).length);
  const flow = useReactFlow();
  const { undo, redo, layout, deleteSelection } = appStore.getState();
  const arrange = () => {
    layout();
    setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 0);
  };
  return (
    <div className="toolbar">
      <div className="toolbar__title">
        <span className="toolbar__name">{name}</span>
        {(dirty || savedId === null) && <span className="toolbar__dirty">{savedId === null ? 'not saved yet' : 'unsaved changes'}</span>}
        {unparsedFields > 0 && (
          <span className="toolbar__dirty" data-testid="invalid-fields" title="Text in these inspector fields is not valid JSON; the workflow keeps their last valid value">
            {unparsedFields} field{unparsedFields === 1 ? '' : 's'} with invalid JSON
          </span>
        )}
      </div>
      <div className="toolbar__actions">
        <button type="button" className="button" data-testid="undo-button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl/Cmd+Z)">
          Undo
        </button>
        <button type="button" className="button" data-testid="redo-button" onClick={redo} disabled={!canRedo} title="Redo (Shift+Ctrl/Cmd+Z)">
          Redo
        </button>
        <button type="button" className="button" onClick={deleteSelection} title="Delete the selection (Delete)">
          Delete
        </button>
        <button type="button" className="button" data-testid="layout-button" onClick={arrange} title="Arrange the graph left to right">
          Auto-layout
        </button>
        <button type="button" className="button" onClick={() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 })}>
          Fit view
        </button>
        <button type="button" className="button" data-testid="export-button" onClick={exportDocument}>
          Export
        </button>
        <button type="button" className="button button--primary" data-testid="save-button" onClick={() => void saveDocument()} title="Save (Ctrl/Cmd+S)">
          Save
        </button>
      </div>
    </div>
  );
}
