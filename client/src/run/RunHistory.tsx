import { openRun, refreshRuns, resumeRun } from '../app-actions';
import { formatCost } from '../format/format-cost';
import { formatDuration } from '../format/format-duration';
import { useAppStore } from '../store/use-app-store';

export function RunHistory() {
  const runs = useAppStore((state) => state.runs);
  const currentRunId = useAppStore((state) => state.run.runId);
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
          {runs.map((run) => (
            <li key={run.id} className="run-list__row">
              <button type="button" className={`run-list__item ${run.id === currentRunId ? 'run-list__item--current' : ''}`} data-testid={`run-${run.id}`} onClick={() => void openRun(run.id)}>
                <span className={`status-dot status-dot--${run.status}`} />
                <span className="run-list__time">{new Date(run.createdAt).toLocaleTimeString()}</span>
                <span className="run-list__status">{run.status}</span>
                <span className="run-list__meta">
                  {run.durationMs !== null ? formatDuration(run.durationMs) : '…'} · {formatCost(run.costUsd)}
                </span>
              </button>
              {run.status === 'interrupted' && (
                <button type="button" className="button button--small" data-testid={`resume-${run.id}`} title="Keep the finished nodes, run the rest" onClick={() => void resumeRun(run.id)}>
                  Resume
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
