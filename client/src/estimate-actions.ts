import type { Json } from '../../shared/json-schema';
import { api } from './api/api';
import { describeError, documentRef } from './app-actions';
import { appStore } from './store/use-app-store';

let pending: AbortController | null = null;

/** Asks the server for the cost preview of one run of the document with `input` (nothing runs). */
export async function estimateDocument(input: Json, batch = false): Promise<void> {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  appStore.getState().setEstimate({ status: 'loading' });
  try {
    const result = await api.estimate({ ...documentRef(), input, batch }, controller.signal);
    if (pending === controller) appStore.getState().setEstimate({ status: 'done', result });
  } catch (error) {
    if (pending === controller) appStore.getState().setEstimate({ status: 'error', error: describeError(error) });
  } finally {
    if (pending === controller) pending = null;
  }
}
