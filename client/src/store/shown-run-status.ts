import type { RunStatus } from '../../../shared/trace-events';
import type { RunSlice } from './run-slice';
import type { RunState } from './run-state';

/**
 * The status the run panel shows: what the events say, unless the server's record says the run was
 * interrupted (the process stopped while it ran). Such a run's log may end without a terminal event
 * (it would look `running` forever) or with the `run.canceled` of a shutdown; neither is its outcome.
 * While the server reports the run live, the events decide, except that an earlier attempt's end
 * does not count.
 */
export function shownRunStatus(run: Pick<RunState, 'runId' | 'status'>, record: RunSlice['runRecord']): RunStatus | 'idle' {
  if (!record || record.runId !== run.runId) return run.status;
  // Live again after a resume: the earlier attempt's terminal event is not the outcome, and the
  // new `run.started` may not have arrived yet.
  if (record.live) return run.status === 'failed' || run.status === 'canceled' || run.status === 'interrupted' ? 'running' : run.status;
  if (record.status === 'interrupted') return 'interrupted';
  // The stream ended but the events never said how: trust the stored outcome.
  return run.status === 'running' ? record.status : run.status;
}

/** Runs the server can resume (PRODUCT §7): interrupted or failed, from their completed nodes. */
export function isResumable(status: RunStatus | 'idle'): boolean {
  return status === 'interrupted' || status === 'failed';
}
