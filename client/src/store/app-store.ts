import { createStore } from 'zustand/vanilla';
import { createCatalogSlice, type CatalogSlice } from './catalog-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createIssuesSlice, type IssuesSlice } from './issues-slice';
import { createRunSlice, type RunSlice } from './run-slice';

export type AppState = DocumentSlice & RunSlice & IssuesSlice & CatalogSlice;

/** A fresh store; the app uses one (app-store-instance), tests make their own. No React here. */
export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createDocumentSlice(...(args as Parameters<typeof createDocumentSlice>)),
    ...createRunSlice(...(args as Parameters<typeof createRunSlice>)),
    ...createIssuesSlice(...(args as Parameters<typeof createIssuesSlice>)),
    ...createCatalogSlice(...(args as Parameters<typeof createCatalogSlice>)),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
