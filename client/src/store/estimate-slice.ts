import type { StateCreator } from 'zustand';
import type { WorkflowEstimate } from '../api/api-types';

/** The last cost preview asked for in the run panel. */
export interface EstimateState {
  status: 'idle' | 'loading' | 'done' | 'error';
  result?: WorkflowEstimate;
  error?: string;
}

export interface EstimateSlice {
  estimate: EstimateState;
  setEstimate(estimate: EstimateState): void;
}

export const createEstimateSlice: StateCreator<EstimateSlice, [], [], EstimateSlice> = (set) => ({
  estimate: { status: 'idle' },
  setEstimate: (estimate) => set({ estimate }),
});
