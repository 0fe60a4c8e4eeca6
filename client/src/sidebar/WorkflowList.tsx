import { useRef, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { importWorkflowFile, startNewWorkflow, switchToWorkflow } from '../app-actions';
import { useAppStore } from '../store/use-app-store';
import { filterWorkflows } from '../workflows/filter-workflows';
import { deleteWorkflow, duplicateWorkflow, undoDelete } from '../workflows/workflow-actions';
import { ImportReport } from './ImportReport';

export function WorkflowList() {
  const { workflows, currentId, savedId, deleted } = useAppStore(
    useShallow((state) => ({ workflows: state.workflows, currentId: state.meta.id, savedId: state.savedId, deleted: state.deletedWorkflow })),
  );
  const [query, setQuery] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so choosing the same file again fires another change.
    event.target.value = '';
    if (file) void importWorkflowFile(file);
  };
  const shown = filterWorkflows(workflows, query);
  return (
    <section className="sidebar__section">
      <div className="sidebar__heading">
        <h2>Workflows</h2>
        <button type="button" className="button button--small" data-testid="new-workflow" onClick={() => void startNewWorkflow()}>
          New
        </button>
        <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="import-input" onChange={onFile} />
      </div>
      <ImportReport />
      {workflows.length > 4 && (
        <input
          type="search"
          className="workflow-search"
          placeholder="Search workflows"
          aria-label="Search workflows"
          data-testid="workflow-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      {deleted && (
        <div className="workflow-list__deleted" data-testid="deleted-workflow" role="status">
          <span>
            Deleted <strong>{deleted.name}</strong>
          </span>
          <button type="button" className="button button--small" data-testid="undo-delete" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
      <ul className="workflow-list">
        {savedId === null && (
          <li>
            <span className="workflow-list__item workflow-list__item--current">
              {currentId} <em>(unsaved)</em>
            </span>
          </li>
        )}
        {shown.map((workflow) => (
          <li key={workflow.id} className="workflow-list__row">
            <button
              type="button"
              className={`workflow-list__item ${workflow.id === savedId ? 'workflow-list__item--current' : ''}`}
              data-testid={`workflow-${workflow.id}`}
              onClick={() => void switchToWorkflow(workflow.id)}
              title={workflow.description ?? workflow.id}
            >
              <span className="workflow-list__name">{workflow.name}</span>
              <span className="workflow-list__meta">
                {workflow.id} · {workflow.nodeCount} nodes
                {(workflow.errorCount ?? 0) > 0 && (
                  <span className="workflow-list__invalid" data-testid={`invalid-${workflow.id}`} title="Saved with validation errors: it cannot run until they are fixed">
                    {' '}
                    · {workflow.errorCount} error{workflow.errorCount === 1 ? '' : 's'}
                  </span>
                )}
              </span>
            </button>
            <span className="workflow-list__actions">
              <button type="button" className="button button--link" data-testid={`duplicate-${workflow.id}`} title={`Duplicate "${workflow.name}"`} onClick={() => void duplicateWorkflow(workflow.id)}>
                Copy
              </button>
              <button type="button" className="button button--link" data-testid={`delete-${workflow.id}`} title={`Delete "${workflow.name}" (Undo brings it back)`} onClick={() => void deleteWorkflow(workflow.id)}>
                Delete
              </button>
            </span>
          </li>
        ))}
        {shown.length === 0 && query !== '' && <li className="workflow-list__none">No workflow matches "{query}".</li>}
      </ul>
    </section>
  );
}
