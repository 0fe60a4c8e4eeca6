import type { StateCreator } from 'zustand';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import type { Health, ModelInfo, RunSummary, WorkflowSummary } from '../api/api-types';
import { canvasModelCatalog, type CanvasModelCatalog } from '../models/canvas-model-catalog';
import type { DocumentSlice } from './document-slice';
import type { Notice } from './shown-notice';

/** What the server knows, as last fetched: stored workflows, models, run history, health. */
export interface CatalogSlice {
  /** null until asked; 'unreachable' when the server did not answer. */
  health: Health | 'unreachable' | null;
  /** `GET /api/models` as answered; null until it answers (or when it failed). */
  models: ModelInfo[] | null;
  /** The models the pickers offer and the forms check against, derived from `models` (facts table until it answers). */
  modelCatalog: CanvasModelCatalog;
  workflows: WorkflowSummary[];
  runs: RunSummary[];
  /** The workflow last deleted from the list, kept in memory so the list can offer Undo (re-create it). */
  deletedWorkflow: Workflow | null;
  /** One line for the status bar: the outcome of the last save, import, export or failed request. */
  notice: Notice | null;
  /** Why the last imported file was refused; nothing of it was added. */
  importReport: { fileName: string; errors: WorkflowIssue[]; warnings: WorkflowIssue[] } | null;
  setImportReport(report: CatalogSlice['importReport']): void;
  setCatalog(patch: Partial<Pick<CatalogSlice, 'health' | 'models' | 'workflows' | 'runs' | 'deletedWorkflow'>>): void;
  notify(kind: 'info' | 'error', text: string): void;
  /** Clears the notice if it is still the one given (a newer one keeps its own time). */
  dismissNotice(id: number): void;
}

let noticeCount = 0;

// Reads the open workflow's id so a notice remembers where it was raised.
export const createCatalogSlice: StateCreator<CatalogSlice & Pick<DocumentSlice, 'meta'>, [], [], CatalogSlice> = (set, get) => ({
  health: null,
  models: null,
  modelCatalog: canvasModelCatalog(null),
  workflows: [],
  runs: [],
  deletedWorkflow: null,
  notice: null,
  importReport: null,
  setImportReport: (importReport) => set({ importReport }),
  setCatalog: (patch) => set(patch.models === undefined ? patch : { ...patch, modelCatalog: canvasModelCatalog(patch.models) }),
  notify: (kind, text) => set({ notice: { kind, text, id: (noticeCount += 1), workflowId: get().meta.id } }),
  dismissNotice: (id) => set((state) => (state.notice?.id === id ? { notice: null } : state)),
});
