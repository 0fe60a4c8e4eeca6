import { openRun, refreshRuns, resumeRun } from '../app-actions';
import { formatCost } from '../format/format-cost';
import { formatDuration } from '../format/format-duration';
import { shownRunStatus } from '../store/shown-run-status';
import { useAppStore } from '../store/use-app-store';
import { historyRunStatus } from './history-run-status';

export function RunHistory() {
  const runs = useAppStore((state) => state.runs);
  const currentRunId = useAppStore((state) => state.run.runId);
  // Only the followed run's status, not the whole run slice: streamed deltas must not re-render the list.
  const currentStatus = useAppStore((state) => shownRunStatus(state.run, state.runRecord));
  return (
    <section className="run-history">
      <div className="sidebar__heading">
        <h3>History</h3>
        <button type="button" className="button button--link" onClick={() => void refreshRuns()}>
          refresh
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="panel__empty">No runs of this workflow yet.</p>
      ) : (
        <ul className="run-list">
          {runs.map((run) => {
            const status = historyRunStatus(run, { runId: currentRunId, status: currentStatus }, null);
            return (
              <li key={run.id} className="run-list__row">
                <button type="button" className={`run-list__item ${run.id === currentRunId ? 'run-list__item--current' : ''}`} data-testid={`run-${run.id}`} data-status={status} onClick={() => void openRun(run.id)}>
                  <span className={`status-dot status-dot--${status}`} />
                  <span className="run-list__time">{new Date(run.createdAt).toLocaleTimeString()}</span>
                  <span className="run-list__status">{status}</span>
                  <span className="run-list__meta">
                    {run.durationMs !== null ? formatDuration(run.durationMs) : '…'} · {formatCost(run.costUsd)}
                  </span>
                </button>
                {status === 'interrupted' && (
                  <button type="button" className="button button--small" data-testid={`resume-${run.id}`} title="Keep the finished nodes, run the rest" onClick={() => void resumeRun(run.id)}>
                    Resume
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
