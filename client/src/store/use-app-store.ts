import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store';

/** The app's one store. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
