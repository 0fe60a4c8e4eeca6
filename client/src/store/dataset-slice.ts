import type { StateCreator } from 'zustand';
import type { BatchJob } from '../api/api-types';

/** The dataset job started from the Dataset view, as last polled. */
export interface DatasetSlice {
  datasetJob: BatchJob | null;
  /** Why the last start was refused (a bad file, a dataset the server rejected). */
  datasetError: string | null;
  setDatasetJob(job: BatchJob | null): void;
  setDatasetError(error: string | null): void;
}

export const createDatasetSlice: StateCreator<DatasetSlice, [], [], DatasetSlice> = (set) => ({
  datasetJob: null,
  datasetError: null,
  setDatasetJob: (datasetJob) => set({ datasetJob }),
  setDatasetError: (datasetError) => set({ datasetError }),
});
