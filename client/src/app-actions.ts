import { stringifyWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import type { Workflow } from '../../shared/workflow-types';
import { api } from './api/api';
import { ApiError } from './api/api-error';
import type { WorkflowRef } from './api/api-types';
import { followRunEvents } from './api/follow-run-events';
import { readDraft } from './drafts/draft-store';
import { fieldDraftCount } from './drafts/field-drafts';
import { askChoice } from './dialogs/choice-question';
import { uniqueId } from './store/unique-id';
import { appStore } from './store/use-app-store';
import { loadWorkflowFile } from './validation/validate-document';
import { freeWorkflowId } from './workflows/free-workflow-id';
import { saveTarget } from './workflows/save-target';

/**
 * The canvas's named actions that talk to the server: each fetches, then calls store actions.
 * Components call these and never fetch themselves.
 */

let stopFollowing: (() => void) | null = null;

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.issues.length > 0 ? `${error.message} (${error.issues.length} issue${error.issues.length === 1 ? '' : 's'})` : error.message;
  return error instanceof Error ? error.message : String(error);
}

function fail(prefix: string) {
  return (error: unknown) => appStore.getState().notify('error', `${prefix}: ${describeError(error)}`);
}

export async function bootstrap(): Promise<void> {
  const store = appStore.getState();
  const [health, models] = await Promise.allSettled([api.health(), api.models()]);
  store.setCatalog({ health: health.status === 'fulfilled' ? health.value : 'unreachable', models: models.status === 'fulfilled' && Array.isArray(models.value) ? models.value : null });
  await refreshWorkflows();
  const wanted = decodeURIComponent(location.hash.replace(/^#\/?w\//, ''));
  if (location.hash.startsWith('#/w/') && appStore.getState().workflows.some((summary) => summary.id === wanted)) await openWorkflow(wanted);
  else {
    // A never-saved document left unsaved by a reload or a closed tab.
    const draft = readDraft(localStorage, null);
    if (draft) appStore.getState().openDraft(draft.workflow, null, draft.savedAt);
    await refreshRuns();
  }
}

export async function refreshWorkflows(): Promise<void> {
  try {
    appStore.getState().setCatalog({ workflows: await api.listWorkflows() });
  } catch (error) {
    fail('Could not list workflows')(error);
  }
}

export async function refreshRuns(): Promise<void> {
  try {
    const { meta, savedId } = appStore.getState();
    appStore.getState().setCatalog({ runs: savedId ? await api.listRuns(meta.id) : [] });
  } catch (error) {
    fail('Could not list runs')(error);
  }
}

export async function openWorkflow(id: string): Promise<void> {
  try {
    const workflow = await api.getWorkflow(id);
    stopRun();
    // Unsaved edits of this workflow from an earlier visit win over the stored version, visibly (DraftNotice).
    const draft = readDraft(localStorage, workflow.id);
    if (draft) appStore.getState().openDraft(draft.workflow, workflow.id, draft.savedAt);
    else appStore.getState().openDocument(workflow, workflow.id);
    history.replaceState(null, '', `#/w/${encodeURIComponent(workflow.id)}`);
    await refreshRuns();
  } catch (error) {
    fail(`Could not open "${id}"`)(error);
  }
}

export function newWorkflow(): void {
  const taken = new Set(appStore.getState().workflows.map((summary) => summary.id));
  stopRun();
  appStore.getState().newDocument(uniqueId('workflow', taken));
  appStore.getState().setCatalog({ runs: [] });
  history.replaceState(null, '', '#/');
}

/**
 * Before the open document is replaced: true when it may go (nothing unsaved, saved now, or the
 * user discarded the changes), false when the user cancelled or the save failed (its notice says why).
 */
export async function mayLeaveDocument(action: string): Promise<boolean> {
  const { dirty, meta } = appStore.getState();
  if (!dirty) return true;
  const answer = await askChoice({
    testId: 'unsaved-dialog',
    title: 'Unsaved changes',
    text: `"${meta.name}" has changes that are not saved. Save them before you ${action}?`,
    choices: [
      { answer: 'cancel', label: 'Cancel', testId: 'unsaved-cancel' },
      { answer: 'discard', label: 'Discard changes', kind: 'danger', testId: 'unsaved-discard' },
      { answer: 'save', label: 'Save', kind: 'primary', testId: 'unsaved-save' },
    ],
  });
  if (answer === 'cancel') return false;
  if (answer === 'save') return saveDocument();
  appStore.getState().forgetChanges();
  return true;
}

/** The workflow list's click: asks about unsaved changes first; the open workflow stays as it is. */
export async function switchToWorkflow(id: string): Promise<void> {
  const { savedId, workflows } = appStore.getState();
  if (id === savedId) return;
  const name = workflows.find((summary) => summary.id === id)?.name ?? id;
  if (await mayLeaveDocument(`open "${name}"`)) await openWorkflow(id);
}

/** The New button: asks about unsaved changes first. */
export async function startNewWorkflow(): Promise<void> {
  if (await mayLeaveDocument('start a new workflow')) newWorkflow();
}

/** Throws the open document's unsaved changes (and their draft) away and shows the stored version, or a blank one if it was never saved. */
export async function discardChanges(): Promise<void> {
  const { savedId, workflows, forgetChanges } = appStore.getState();
  // Clean first: the autosave removes the draft instead of flushing it once more when the next document opens.
  forgetChanges();
  if (savedId !== null && workflows.some((summary) => summary.id === savedId)) await openWorkflow(savedId);
  else newWorkflow();
}

/**
 * PUT the workflow the document was opened from, POST a new one; an id that names another stored
 * workflow asks Overwrite / Rename / Cancel. A document with errors is saved too (the server flags
 * it and refuses to run it), so half-built work is never lost.
 */
export async function saveDocument(): Promise<boolean> {
  const store = appStore.getState();
  let workflow = store.toWorkflow();
  const taken = new Set(store.workflows.map((summary) => summary.id));
  let target = saveTarget(store.savedId, workflow.id, taken);
  // The id field changed on a stored workflow: a rename moves it, a copy leaves the original.
  const renamedFrom = store.savedId !== null && store.savedId !== workflow.id && taken.has(store.savedId) ? store.savedId : null;
  let move = false;
  if (renamedFrom !== null) {
    const answer = await askChoice({
      testId: 'rename-dialog',
      title: 'The id changed',
      text: `This workflow is stored as "${renamedFrom}". Rename it to "${workflow.id}", or save a copy under "${workflow.id}" and keep "${renamedFrom}"?`,
      choices: [
        { answer: 'cancel', label: 'Cancel', testId: 'rename-cancel' },
        { answer: 'copy', label: 'Save a copy', testId: 'rename-copy' },
        { answer: 'move', label: `Rename to "${workflow.id}"`, kind: 'primary', testId: 'rename-move' },
      ],
    });
    if (answer === 'cancel') return false;
    move = answer === 'move';
  }
  try {
    if (target.kind === 'create') {
      try {
        await api.createWorkflow(workflow);
      } catch (error) {
        // Stored since the list was fetched (another tab): the same question as a known clash.
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        target = { kind: 'clash', suggestedId: freeWorkflowId(workflow.id, new Set([...taken, workflow.id])) };
      }
    }
    if (target.kind === 'clash') {
      const answer = await askIdClash(workflow.id, target.suggestedId, 'save');
      if (answer === 'cancel') return false;
      if (answer === 'rename') {
        appStore.getState().updateMeta({ id: target.suggestedId });
        workflow = appStore.getState().toWorkflow();
        await api.createWorkflow(workflow);
      } else await api.updateWorkflow(workflow);
    }
    if (target.kind === 'replace') await api.updateWorkflow(workflow);
    // Deleted only once the new id is stored, so a failed save never loses the original. Its runs keep their snapshot.
    if (move && renamedFrom !== null && renamedFrom !== workflow.id) await api.deleteWorkflow(renamedFrom);
    appStore.getState().markSaved(workflow);
    const errors = appStore.getState().issues.errors.length;
    const unparsed = fieldDraftCount();
    const saved = errors === 0 ? `Saved "${workflow.name}".` : `Saved "${workflow.name}" with ${errors} error${errors === 1 ? '' : 's'}: it cannot run until ${errors === 1 ? 'it is' : 'they are'} fixed (see Issues).`;
    // Text that is not JSON is not in the document: say that its last valid value is what was stored.
    const fields = unparsed === 0 ? '' : ` ${unparsed} field${unparsed === 1 ? ' holds' : 's hold'} invalid JSON; the last valid value was saved.`;
    appStore.getState().notify('info', saved + fields);
    history.replaceState(null, '', `#/w/${encodeURIComponent(workflow.id)}`);
    await refreshWorkflows();
    return true;
  } catch (error) {
    fail('Not saved')(error);
    return false;
  }
}

/** Overwrite the stored workflow with this id, or use the free `suggestedId`. */
function askIdClash(id: string, suggestedId: string, verb: 'save' | 'import'): Promise<'overwrite' | 'rename' | 'cancel'> {
  const name = appStore.getState().workflows.find((summary) => summary.id === id)?.name ?? id;
  return askChoice({
    testId: 'clash-dialog',
    title: 'This id is taken',
    text: `A workflow with id "${id}" ("${name}") is already stored. Overwrite it, or ${verb} as "${suggestedId}"?`,
    choices: [
      { answer: 'cancel', label: 'Cancel', testId: 'clash-cancel' },
      { answer: 'overwrite', label: `Overwrite "${id}"`, kind: 'danger', testId: 'clash-overwrite' },
      { answer: 'rename', label: `${verb === 'save' ? 'Save' : 'Import'} as "${suggestedId}"`, kind: 'primary', testId: 'clash-rename' },
    ],
  });
}

function follow(runId: string, after = 0): void {
  stopFollowing?.();
  stopFollowing = followRunEvents(
    runId,
    {
      onEvents: (events) => appStore.getState().receiveEvents(events),
      onEnd: () => {
        stopFollowing = null;
        void recordRun(runId);
        void refreshRuns();
      },
    },
    after,
  );
}

/** The run as stored: an interrupted run's outcome is its status, whatever its log ends with. */
async function recordRun(runId: string): Promise<void> {
  try {
    const detail = await api.getRun(runId);
    appStore.getState().setRunRecord({ runId, status: detail.run.status, live: detail.run.live });
  } catch {
    // Unreachable server: the panel keeps what the events said.
  }
}

function stopRun(): void {
  stopFollowing?.();
  stopFollowing = null;
  appStore.getState().clearRun();
  // A preview of another document would mislead.
  appStore.getState().setEstimate({ status: 'idle' });
}

/** The stored workflow when the document is saved and unchanged, otherwise the document inline. */
export function documentRef(): WorkflowRef {
  const store = appStore.getState();
  const workflow = store.toWorkflow();
  return store.savedId === workflow.id && !store.dirty ? { workflowId: workflow.id } : { workflow };
}

/**
 * Runs what is on the canvas: the stored workflow when it is saved and unchanged (so the run is
 * filed under it), otherwise the document inline.
 */
export async function runDocument(input: Json): Promise<void> {
  // The old trace goes at once: left up while the new run starts (or fails to), it reads as this run's.
  appStore.getState().clearRun();
  try {
    const runId = await api.startRun({ ...documentRef(), input });
    appStore.getState().beginRun(runId, false);
    follow(runId);
    void refreshRuns();
  } catch (error) {
    fail('Run not started')(error);
  }
}

export async function cancelRun(): Promise<void> {
  const { run } = appStore.getState();
  if (!run.runId || run.status !== 'running') return;
  try {
    await api.cancelRun(run.runId);
  } catch (error) {
    fail('Cancel failed')(error);
  }
}

/** Shows a past run: its workflow snapshot on the canvas (unless that workflow is open) and its trace replayed. */
export async function openRun(runId: string): Promise<void> {
  try {
    const detail = await api.getRun(runId);
    const store = appStore.getState();
    if (store.meta.id !== detail.run.workflowId) {
      const stored = store.workflows.some((summary) => summary.id === detail.run.workflowId);
      store.openDocument(detail.run.workflow, stored ? detail.run.workflowId : null);
    }
    appStore.getState().beginRun(runId, true);
    appStore.getState().setRunRecord({ runId, status: detail.run.status, live: detail.run.live });
    follow(runId);
  } catch (error) {
    fail('Could not open the run')(error);
  }
}

/**
 * Resumes an interrupted or failed run (`POST /api/runs/:id/resume`): completed nodes keep their
 * results and the rest run again; the run's events continue its log, so the open run is followed
 * on from its last event and any other run is opened first.
 */
export async function resumeRun(runId: string): Promise<void> {
  try {
    await api.resumeRun(runId);
  } catch (error) {
    fail('Not resumed')(error);
    return;
  }
  const { run } = appStore.getState();
  if (run.runId !== runId) await openRun(runId);
  else follow(runId, run.lastSeq);
  appStore.getState().resumeLive();
  void refreshRuns();
}

/** Validates the whole file first; only a valid file is stored and opened. */
export async function importWorkflowFile(file: File): Promise<void> {
  const store = appStore.getState();
  const result = loadWorkflowFile(await file.text(), appStore.getState().modelCatalog);
  if (!result.valid || !result.workflow) {
    store.setImportReport({ fileName: file.name, errors: result.errors, warnings: result.warnings });
    store.notify('error', `"${file.name}" was not imported: ${result.errors.length} issue${result.errors.length === 1 ? '' : 's'}.`);
    return;
  }
  store.setImportReport(null);
  let workflow = result.workflow;
  const taken = new Set(store.workflows.map((summary) => summary.id));
  let overwrite = false;
  if (taken.has(workflow.id)) {
    const suggestedId = freeWorkflowId(workflow.id, taken);
    const answer = await askIdClash(workflow.id, suggestedId, 'import');
    if (answer === 'cancel') return;
    overwrite = answer === 'overwrite';
    if (!overwrite) workflow = { ...workflow, id: suggestedId };
  }
  if (!(await mayLeaveDocument(`import "${file.name}"`))) return;
  try {
    const saved = overwrite ? await api.updateWorkflow(workflow) : await api.createWorkflow(workflow);
    await refreshWorkflows();
    await openWorkflow(saved.id);
    appStore.getState().notify('info', overwrite ? `Imported "${saved.name}" over the stored "${saved.id}".` : `Imported "${saved.name}" as "${saved.id}".`);
  } catch (error) {
    fail(`"${file.name}" was not imported`)(error);
  }
}

/** Downloads the document in the stable file format as `<id>.json`. */
export function exportDocument(): void {
  const workflow: Workflow = appStore.getState().toWorkflow();
  const url = URL.createObjectURL(new Blob([stringifyWorkflow(workflow)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${workflow.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
