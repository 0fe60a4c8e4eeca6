import { useRef, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { importWorkflowFile, newWorkflow, openWorkflow } from '../app-actions';
import { useAppStore } from '../store/use-app-store';
import { ImportReport } from './ImportReport';

export function WorkflowList() {
  const { workflows, currentId, savedId } = useAppStore(useShallow((state) => ({ workflows: state.workflows, currentId: state.meta.id, savedId: state.savedId })));
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so choosing the same file again fires another change.
    event.target.value = '';
    if (file) void importWorkflowFile(file);
  };
  return (
    <section className="sidebar__section">
      <div className="sidebar__heading">
        <h2>Workflows</h2>
        <button type="button" className="button button--small" data-testid="new-workflow" onClick={newWorkflow}>
          New
        </button>
        <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="import-input" onChange={onFile} />
      </div>
      <ImportReport />
      <ul className="workflow-list">
        {savedId === null && (
          <li>
            <span className="workflow-list__item workflow-list__item--current">
              {currentId} <em>(unsaved)</em>
            </span>
          </li>
        )}
        {workflows.map((workflow) => (
          <li key={workflow.id}>
            <button
              type="button"
              className={`workflow-list__item ${workflow.id === savedId ? 'workflow-list__item--current' : ''}`}
              data-testid={`workflow-${workflow.id}`}
              onClick={() => void openWorkflow(workflow.id)}
              title={workflow.description ?? workflow.id}
            >
              <span className="workflow-list__name">{workflow.name}</span>
              <span className="workflow-list__meta">
                {workflow.id} · {workflow.nodeCount} nodes
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
