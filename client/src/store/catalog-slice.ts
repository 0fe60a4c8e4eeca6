import type { StateCreator } from 'zustand';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import type { Health, ModelInfo, RunSummary, WorkflowSummary } from '../api/api-types';

/** What the server knows, as last fetched: stored workflows, models, run history, health. */
export interface CatalogSlice {
  /** null until asked; 'unreachable' when the server did not answer. */
  health: Health | 'unreachable' | null;
  models: ModelInfo[];
  workflows: WorkflowSummary[];
  runs: RunSummary[];
  /** One line for the status bar: the outcome of the last save, import, export or failed request. */
  notice: { kind: 'info' | 'error'; text: string } | null;
  /** Why the last imported file was refused; nothing of it was added. */
  importReport: { fileName: string; errors: WorkflowIssue[]; warnings: WorkflowIssue[] } | null;
  setImportReport(report: CatalogSlice['importReport']): void;
  setCatalog(patch: Partial<Pick<CatalogSlice, 'health' | 'models' | 'workflows' | 'runs'>>): void;
  notify(kind: 'info' | 'error', text: string): void;
}

export const createCatalogSlice: StateCreator<CatalogSlice, [], [], CatalogSlice> = (set) => ({
  health: null,
  models: [],
  workflows: [],
  runs: [],
  notice: null,
  importReport: null,
  setImportReport: (importReport) => set({ importReport }),
  setCatalog: (patch) => set(patch),
  notify: (kind, text) => set({ notice: { kind, text } }),
});
