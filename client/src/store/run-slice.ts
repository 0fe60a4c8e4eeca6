import type { StateCreator } from 'zustand';
import type { RunStatus, TraceEvent } from '../../../shared/trace-events';
import { applyTraceEvents } from './apply-trace-event';
import { emptyRun, IDLE_RUN, type RunState } from './run-state';

export interface RunSlice {
  run: RunState;
  /** Whether `run` is a past run opened from history (read-only replay) rather than one started here. */
  runIsReplay: boolean;
  /**
   * The run as the server stores it, read when following ends or a past run is opened. A run the
   * server marked `interrupted` may have no terminal event in its log (or the `run.canceled` of a
   * shutdown); the stored status is its outcome (see shownRunStatus).
   */
  runRecord: { runId: string; status: RunStatus; live: boolean } | null;
  beginRun(runId: string, replay: boolean): void;
  setRunRecord(record: RunSlice['runRecord']): void;
  /** A resumed run is live again: followed, cancelable, running until its new events say otherwise. */
  resumeLive(): void;
  receiveEvents(events: readonly TraceEvent[]): void;
  clearRun(): void;
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set) => ({
  run: IDLE_RUN,
  runIsReplay: false,
  runRecord: null,
  beginRun: (runId, replay) => set({ run: emptyRun(runId), runIsReplay: replay, runRecord: null }),
  setRunRecord: (runRecord) => set((state) => (runRecord === null || runRecord.runId === state.run.runId ? { runRecord } : state)),
  resumeLive: () => set((state) => ({ runIsReplay: false, runRecord: state.run.runId ? { runId: state.run.runId, status: 'running', live: true } : null })),
  receiveEvents: (events) =>
    set((state) => {
      const run = applyTraceEvents(state.run, events);
      return run === state.run ? state : { run };
    }),
  clearRun: () => set({ run: IDLE_RUN, runIsReplay: false, runRecord: null }),
});
