import type { StateCreator } from 'zustand';
import type { Health, ModelInfo, RunSummary, WorkflowSummary } from '../api/api-types';

/** What the server knows, as last fetched: stored workflows, models, run history, health. */
export interface CatalogSlice {
  health: Health | null;
  models: ModelInfo[];
  workflows: WorkflowSummary[];
  runs: RunSummary[];
  /** One line for the status bar: the outcome of the last save, import, export or failed request. */
  notice: { kind: 'info' | 'error'; text: string } | null;
  setCatalog(patch: Partial<Pick<CatalogSlice, 'health' | 'models' | 'workflows' | 'runs'>>): void;
  notify(kind: 'info' | 'error', text: string): void;
}

export const createCatalogSlice: StateCreator<CatalogSlice, [], [], CatalogSlice> = (set) => ({
  health: null,
  models: [],
  workflows: [],
  runs: [],
  notice: null,
  setCatalog: (patch) => set(patch),
  notify: (kind, text) => set({ notice: { kind, text } }),
});
