import { useState } from 'react';
import { openRun, refreshRuns, resumeRun } from '../app-actions';
import { formatCost } from '../format/format-cost';
import { formatDuration } from '../format/format-duration';
import { shownRunStatus } from '../store/shown-run-status';
import { useAppStore } from '../store/use-app-store';
import { datasetRowOf } from './dataset-row-of';
import { historyRunStatus } from './history-run-status';

export function RunHistory() {
  const allRuns = useAppStore((state) => state.runs);
  // A dataset job files one run per row; hidden on request so they do not bury the runs made here.
  const [hideDatasetRows, setHideDatasetRows] = useState(false);
  const datasetRuns = allRuns.filter((run) => datasetRowOf(run.id) !== null).length;
  const runs = hideDatasetRows ? allRuns.filter((run) => datasetRowOf(run.id) === null) : allRuns;
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
      {datasetRuns > 0 && (
        <label className="run-history__filter">
          <input type="checkbox" checked={hideDatasetRows} data-testid="hide-dataset-runs" onChange={(event) => setHideDatasetRows(event.target.checked)} />
          hide dataset rows ({datasetRuns})
        </label>
      )}
      {runs.length === 0 ? (
        <p className="panel__empty">No runs of this workflow yet.</p>
      ) : (
        <ul className="run-list">
          {runs.map((run) => {
            const status = historyRunStatus(run, { runId: currentRunId, status: currentStatus }, null);
            const datasetRow = datasetRowOf(run.id);
            return (
              <li key={run.id} className="run-list__row">
                <button type="button" className={`run-list__item ${run.id === currentRunId ? 'run-list__item--current' : ''}`} data-testid={`run-${run.id}`} data-status={status} onClick={() => void openRun(run.id)}>
                  <span className={`status-dot status-dot--${status}`} />
                  <span className="run-list__time">{new Date(run.createdAt).toLocaleTimeString()}</span>
                  <span className="run-list__status">
                    {status}
                    {datasetRow && (
                      <span className="trace__chip run-list__dataset" data-testid="run-dataset-row" title={`Row ${datasetRow.row} of dataset job ${datasetRow.jobId}`}>
                        dataset row {datasetRow.row}
                      </span>
                    )}
                  </span>
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
