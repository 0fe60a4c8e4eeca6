import { api } from '../api/api';
import { describeError, mayLeaveDocument, newWorkflow, openWorkflow, refreshWorkflows } from '../app-actions';
import { appStore } from '../store/use-app-store';
import { freeWorkflowId } from './free-workflow-id';

/**
 * Managing stored workflows from the list: delete (undoable while the page is open), undo, duplicate.
 * Components call these; they fetch, then update the store.
 */

function takenIds(): Set<string> {
  return new Set(appStore.getState().workflows.map((summary) => summary.id));
}

/**
 * Deletes a stored workflow, keeping its last stored version in memory so Undo can re-create it.
 * Its runs stay in the history (they carry their own snapshot of the workflow).
 */
export async function deleteWorkflow(id: string): Promise<void> {
  const store = appStore.getState();
  try {
    const stored = await api.getWorkflow(id);
    await api.deleteWorkflow(id);
    appStore.getState().setCatalog({ deletedWorkflow: stored });
    // The open document is the deleted one: leave nothing on the canvas that claims to be stored.
    if (store.savedId === id) newWorkflow();
    await refreshWorkflows();
  } catch (error) {
    store.notify('error', `Could not delete "${id}": ${describeError(error)}`);
  }
}

/** Re-creates the last deleted workflow under its id (or a free one if that id was taken since) and opens it. */
export async function undoDelete(): Promise<void> {
  const deleted = appStore.getState().deletedWorkflow;
  if (!deleted) return;
  if (!(await mayLeaveDocument(`restore "${deleted.name}"`))) return;
  const workflow = { ...deleted, id: freeWorkflowId(deleted.id, takenIds()) };
  try {
    const saved = await api.createWorkflow(workflow);
    appStore.getState().setCatalog({ deletedWorkflow: null });
    await refreshWorkflows();
    await openWorkflow(saved.id);
    appStore.getState().notify('info', `Restored "${saved.name}".`);
  } catch (error) {
    appStore.getState().notify('error', `Could not restore "${deleted.id}": ${describeError(error)}`);
  }
}

/** Stores a copy under `<id>-copy` (or the next free id), named "<name> (copy)", and opens it. */
export async function duplicateWorkflow(id: string): Promise<void> {
  if (!(await mayLeaveDocument('open the copy'))) return;
  try {
    const original = await api.getWorkflow(id);
    const copy = { ...original, id: freeWorkflowId(`${original.id.slice(0, 55)}-copy`, takenIds()), name: `${original.name} (copy)` };
    const saved = await api.createWorkflow(copy);
    await refreshWorkflows();
    await openWorkflow(saved.id);
    appStore.getState().notify('info', `Duplicated as "${saved.id}".`);
  } catch (error) {
    appStore.getState().notify('error', `Could not duplicate "${id}": ${describeError(error)}`);
  }
}
