import { createStore } from 'zustand/vanilla';
import { createCatalogSlice, type CatalogSlice } from './catalog-slice';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createEstimateSlice, type EstimateSlice } from './estimate-slice';
import { createIssuesSlice, type IssuesSlice } from './issues-slice';
import { createRunSlice, type RunSlice } from './run-slice';

export type AppState = DocumentSlice & RunSlice & IssuesSlice & CatalogSlice & EstimateSlice & DatasetSlice;

/** A fresh store; the app uses one (app-store-instance), tests make their own. No React here. */
export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createDocumentSlice(...(args as Parameters<typeof createDocumentSlice>)),
    ...createRunSlice(...(args as Parameters<typeof createRunSlice>)),
    ...createIssuesSlice(...(args as Parameters<typeof createIssuesSlice>)),
    ...createCatalogSlice(...(args as Parameters<typeof createCatalogSlice>)),
    ...createEstimateSlice(...(args as Parameters<typeof createEstimateSlice>)),
    ...createDatasetSlice(...(args as Parameters<typeof createDatasetSlice>)),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
