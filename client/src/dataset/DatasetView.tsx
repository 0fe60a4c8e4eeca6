import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RowResult } from '../../../shared/api/row-result';
import { formatValue } from '../../../shared/templates';
import type { BatchJob, DatasetMode } from '../api/api-types';
import { openRun } from '../app-actions';
import { cancelDataset, startDataset } from '../dataset-actions';
import { formatCost } from '../format/format-cost';
import { preview } from '../format/preview';
import { useAppStore } from '../store/use-app-store';

/**
 * Runs the open workflow over a dataset file (CSV with a header row, or JSON lines): as Message
 * Batches (half price, slower) or realtime runs. Shows progress, every row's result with a link to
 * its run in the history, and what the same tokens cost in the other mode.
 */
export function DatasetView({ onOpenRun }: { onOpenRun(): void }) {
  const { job, error } = useAppStore(useShallow((state) => ({ job: state.datasetJob, error: state.datasetError })));
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<DatasetMode>('batch');
  const fileInput = useRef<HTMLInputElement>(null);
  const running = job?.status === 'running';

  return (
    <div className="dataset" data-testid="dataset-view">
      <section className="run-panel__input">
        <p className="panel__empty">Run this workflow once per row: a CSV file whose header names the input fields, or JSON lines (one input object per line).</p>
        <label className="field">
          <span className="field__label">Dataset file</span>
          <input ref={fileInput} type="file" accept=".csv,.jsonl,.ndjson" data-testid="dataset-input" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
        <fieldset className="dataset__modes">
          <legend className="field__label">Mode</legend>
          <label>
            <input type="radio" name="dataset-mode" value="batch" checked={mode === 'batch'} data-testid="dataset-mode-batch" onChange={() => setMode('batch')} /> Batch — half price, results when the batch ends
          </label>
          <label>
            <input type="radio" name="dataset-mode" value="realtime" checked={mode === 'realtime'} data-testid="dataset-mode-realtime" onChange={() => setMode('realtime')} /> Realtime — ordinary runs, full price
          </label>
        </fieldset>
        <div className="run-panel__buttons">
          <button type="button" className="button button--primary" data-testid="dataset-start" disabled={!file || running} onClick={() => file && void startDataset(file, mode)}>
            {running ? 'Running…' : 'Start'}
          </button>
          <button type="button" className="button" data-testid="dataset-cancel" disabled={!running} onClick={() => void cancelDataset()}>
            Cancel
          </button>
        </div>
        {error && (
          <div className="trace__error" role="alert" data-testid="dataset-error">
            {error}
          </div>
        )}
      </section>
      {job && <DatasetJob job={job} onOpenRun={onOpenRun} />}
    </div>
  );
}

function DatasetJob({ job, onOpenRun }: { job: BatchJob; onOpenRun(): void }) {
  const { progress } = job;
  return (
    <section className="dataset__job" data-testid="dataset-job" data-status={job.status}>
      <div className="run-summary__head">
        <span className={`status-dot status-dot--${job.status === 'running' ? 'running' : job.status === 'completed' ? 'completed' : 'failed'}`} />
        <strong>{job.mode === 'batch' ? 'Batch' : 'Realtime'}</strong> <code>{job.id}</code> <span className="run-summary__status">{job.status}</span>
      </div>
      <progress className="dataset__progress" data-testid="dataset-progress" max={job.rowsTotal} value={job.rowsDone} />
      <div className="trace__retry">
        {job.rowsDone} of {job.rowsTotal} rows
        {job.status === 'running' && progress?.batchId && ` · ${batchProgressText(progress)}`}
      </div>
      {job.error && (
        <div className="trace__error" role="alert">
          {job.error}
        </div>
      )}
      {job.costUsd !== null && (
        <div className="run-summary__totals" data-testid="dataset-cost">
          {job.completed} completed · {job.failed} failed · cost <strong>{formatCost(job.costUsd)}</strong> · {job.mode === 'batch' ? 'realtime' : 'as a batch'} would cost {formatCost(job.compareCostUsd ?? 0)}
        </div>
      )}
      {job.rows && (
        <table className="data-table" data-testid="dataset-results">
          <thead>
            <tr>
              <th>row</th>
              <th>status</th>
              <th>result</th>
              <th>cost</th>
            </tr>
          </thead>
          <tbody>
            {job.rows.map((row) => (
              <DatasetRow key={row.row} row={row} onOpenRun={onOpenRun} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "layer 2: 30 of 47 requests answered" while a Message Batch is processing. */
function batchProgressText(progress: NonNullable<BatchJob['progress']>): string {
  const answered = (progress.succeeded ?? 0) + (progress.errored ?? 0);
  const total = answered + (progress.processing ?? 0);
  return progress.phase === 'ended' ? `layer ${progress.layer ?? '?'} batch ended` : `layer ${progress.layer ?? '?'}: ${answered} of ${total || progress.requests || '?'} requests answered`;
}

function DatasetRow({ row, onOpenRun }: { row: RowResult; onOpenRun(): void }) {
  const result = row.error ? `${row.error.nodeId ? `${row.error.nodeId}: ` : ''}${row.error.message}` : preview(formatValue(row.outputs ?? {}), 160);
  return (
    <tr data-testid={`dataset-row-${row.row}`} data-status={row.status}>
      <td>
        {row.runId ? (
          <button
            type="button"
            className="button--link"
            title="Open this row's run"
            data-testid={`dataset-run-${row.row}`}
            onClick={() => {
              void openRun(row.runId as string);
              onOpenRun();
            }}
          >
            {row.row}
          </button>
        ) : (
          row.row
        )}
      </td>
      <td>{row.status}</td>
      <td className={row.error ? 'field-error' : 'data-table__text'}>{result}</td>
      <td>{formatCost(row.cost_usd)}</td>
    </tr>
  );
}
