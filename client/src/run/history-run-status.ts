import type { RunStatus } from '../../../shared/trace-events';
import type { RunSummary } from '../api/api-types';
import type { RunSlice } from '../store/run-slice';
import type { RunState } from '../store/run-state';
import { shownRunStatus } from '../store/shown-run-status';

/**
 * A history row's status. The list is fetched (when a run starts and when its stream ends), so on
 * its own it can show a finished run as running until the next fetch; the run the panel follows is
 * known live from its events, and those win for its row.
 */
export function historyRunStatus(summary: Pick<RunSummary, 'id' | 'status'>, run: Pick<RunState, 'runId' | 'status'>, record: RunSlice['runRecord']): RunStatus {
  if (summary.id !== run.runId) return summary.status;
  const live = shownRunStatus(run, record);
  return live === 'idle' ? summary.status : live;
}
