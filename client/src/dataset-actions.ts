import { api } from './api/api';
import type { DatasetMode } from './api/api-types';
import { describeError, documentRef, refreshRuns } from './app-actions';
import { readDatasetFile } from './dataset/read-dataset-file';
import { appStore } from './store/use-app-store';

const POLL_MS = 400;
let polling: ReturnType<typeof setTimeout> | null = null;

/** Starts the document over an uploaded dataset file and polls the job until it ends. */
export async function startDataset(file: File, mode: DatasetMode): Promise<void> {
  const store = appStore.getState();
  store.setDatasetError(null);
  try {
    const payload = readDatasetFile(file.name, await file.text());
    const job = await api.startBatch({ ...documentRef(), ...payload, mode });
    appStore.getState().setDatasetJob(job);
    poll(job.id);
  } catch (error) {
    appStore.getState().setDatasetError(describeError(error));
  }
}

export async function cancelDataset(): Promise<void> {
  const job = appStore.getState().datasetJob;
  if (!job || job.status !== 'running') return;
  try {
    await api.cancelBatch(job.id);
  } catch (error) {
    appStore.getState().setDatasetError(describeError(error));
  }
}

function poll(jobId: string): void {
  if (polling !== null) clearTimeout(polling);
  polling = setTimeout(async () => {
    polling = null;
    // Another job started meanwhile: this one is no longer shown.
    if (appStore.getState().datasetJob?.id !== jobId) return;
    try {
      const job = await api.getBatch(jobId);
      if (appStore.getState().datasetJob?.id !== jobId) return;
      appStore.getState().setDatasetJob(job);
      if (job.status === 'running') poll(jobId);
      else void refreshRuns();
    } catch (error) {
      appStore.getState().setDatasetError(describeError(error));
    }
  }, POLL_MS);
}
