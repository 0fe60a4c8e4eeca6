import type { StateCreator } from 'zustand';
import type { TraceEvent } from '../../../shared/trace-events';
import { applyTraceEvents } from './apply-trace-event';
import { emptyRun, IDLE_RUN, type RunState } from './run-state';

export interface RunSlice {
  run: RunState;
  /** Whether `run` is a past run opened from history (read-only replay) rather than one started here. */
  runIsReplay: boolean;
  beginRun(runId: string, replay: boolean): void;
  receiveEvents(events: readonly TraceEvent[]): void;
  clearRun(): void;
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set) => ({
  run: IDLE_RUN,
  runIsReplay: false,
  beginRun: (runId, replay) => set({ run: emptyRun(runId), runIsReplay: replay }),
  receiveEvents: (events) =>
    set((state) => {
      const run = applyTraceEvents(state.run, events);
      return run === state.run ? state : { run };
    }),
  clearRun: () => set({ run: IDLE_RUN, runIsReplay: false }),
});
