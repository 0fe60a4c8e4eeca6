import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Json } from '../../../shared/json-schema';
import type { Workflow } from '../../../shared/workflow-types';
import { formatValue } from '../../../shared/templates';
import { cancelRun, resumeRun, runDocument } from '../app-actions';
import { formatCost } from '../format/format-cost';
import { formatDuration } from '../format/format-duration';
import { isResumable, shownRunStatus } from '../store/shown-run-status';
import { appStore, useAppStore } from '../store/use-app-store';
import { checkRunInput } from '../validation/validate-document';
import { EstimatePanel } from './EstimatePanel';
import { inputFormFields, isFieldIssue } from './input-form-fields';
import { NodeTrace } from './NodeTrace';
import { RunCacheSavings } from './RunCacheSavings';
import { RunHistory } from './RunHistory';
import { RunInputForm } from './RunInputForm';

type Sample = NonNullable<Workflow['samples']>[number];

// One shared empty list: a fresh `[]` per selection would never compare equal and loop forever.
const NO_SAMPLES: readonly Sample[] = [];

type ParsedInput = { ok: true; value: Json } | { ok: false; message: string };

function parseInput(text: string): ParsedInput {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function RunPanel() {
  const { samples, openCount, inputs } = useAppStore(useShallow((state) => ({ samples: state.meta.samples ?? NO_SAMPLES, openCount: state.openCount, inputs: state.meta.inputs })));
  const run = useAppStore(useShallow((state) => ({ runId: state.run.runId, status: state.run.status, usage: state.run.usage, costUsd: state.run.costUsd, durationMs: state.run.durationMs, error: state.run.error, failedNodeId: state.run.failedNodeId, outputs: state.run.outputs, replay: state.runIsReplay, cancelReason: state.run.cancelReason })));
  const status = useAppStore((state) => shownRunStatus(state.run, state.runRecord));
  const workflowErrors = useAppStore((state) => state.issues.errors.length);
  const runInput = useAppStore((state) => state.run.input);
  const tracedNodes = useAppStore(useShallow((state) => Object.keys(state.run.nodes)));
  const [sample, setSample] = useState('');
  const [text, setText] = useState('{}');
  const [view, setView] = useState<'form' | 'json'>('form');

  // Each opened workflow starts from its first sample.
  useEffect(() => {
    const first = appStore.getState().meta.samples?.[0];
    setSample(first?.name ?? '');
    setText(JSON.stringify(first?.input ?? {}, null, 2));
  }, [openCount]);

  const parsed = useMemo(() => parseInput(text), [text]);
  const inputIssues = useMemo(() => (parsed.ok ? checkRunInput(appStore.getState().toWorkflow(), parsed.value) : null), [parsed, inputs]);
  const fields = useMemo(() => inputFormFields(inputs), [inputs]);
  // The form shows an object input; text that is not (or not yet) one stays in the JSON view.
  const formValue = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? parsed.value : null;
  const showForm = view === 'form' && fields !== null && formValue !== null;
  const blocked = !parsed.ok || (inputIssues !== null && inputIssues.length > 0);
  const running = status === 'running';
  // The server refuses a workflow with any error (STYLE §3); saying so here beats a failed start.
  const runBlockedBy = workflowErrors > 0 ? `Fix the ${workflowErrors} error${workflowErrors === 1 ? '' : 's'} in the Issues list below the canvas to run.` : undefined;

  // A past run's input goes back into the input field, so what is run is what the field shows.
  const runAgain = (input: Json) => {
    setSample('');
    setText(JSON.stringify(input, null, 2));
    void runDocument(input);
  };

  const chooseSample = (name: string) => {
    setSample(name);
    const chosen = samples.find((candidate) => candidate.name === name);
    if (chosen) setText(JSON.stringify(chosen.input, null, 2));
  };

  return (
    <div className="run-panel" data-testid="run-panel">
      <section className="run-panel__input">
        <label className="field">
          <span className="field__label">Sample</span>
          <select value={sample} data-testid="sample-select" onChange={(event) => chooseSample(event.target.value)}>
            <option value="">custom input</option>
            {samples.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        {fields !== null && (
          <div className="run-panel__views" role="tablist" aria-label="Input view">
            <span className="field__label run-panel__views-label">Input</span>
            <button type="button" role="tab" aria-selected={showForm} className={`button button--small ${showForm ? 'button--active' : ''}`} data-testid="run-input-view-form" disabled={formValue === null} onClick={() => setView('form')}>
              Form
            </button>
            <button type="button" role="tab" aria-selected={!showForm} className={`button button--small ${showForm ? '' : 'button--active'}`} data-testid="run-input-view-json" onClick={() => setView('json')}>
              JSON
            </button>
          </div>
        )}
        {showForm && fields && formValue !== null && (
          <RunInputForm
            fields={fields}
            value={formValue}
            issues={inputIssues ?? []}
            onChange={(value) => {
              setText(JSON.stringify(value, null, 2));
              setSample('');
            }}
          />
        )}
        <label className="field" hidden={showForm}>
          <span className="field__label">Input (JSON)</span>
          <textarea
            rows={5}
            spellCheck={false}
            value={text}
            data-testid="run-input"
            className={blocked ? 'invalid' : ''}
            onChange={(event) => {
              setText(event.target.value);
              setSample('');
            }}
          />
        </label>
        {!parsed.ok && <div className="field-error">Not valid JSON: {parsed.message}</div>}
        {(inputIssues ?? []).filter((issue) => !showForm || !fields?.some((field) => isFieldIssue(issue, field.key))).map((issue, index) => (
          <div key={index} className="field-error" data-testid="run-input-issue">
            <code>{issue.path || '/'}</code> {issue.message}
          </div>
        ))}
        <div className="run-panel__buttons">
          <button type="button" className="button button--primary" data-testid="run-button" disabled={blocked || running || runBlockedBy !== undefined} title={runBlockedBy} onClick={() => parsed.ok && void runDocument(parsed.value)}>
            {running ? 'Running…' : 'Run'}
          </button>
          <button type="button" className="button" data-testid="cancel-button" disabled={!running || run.replay} onClick={() => void cancelRun()}>
            Cancel
          </button>
        </div>
        {runBlockedBy && (
          <div className="run-panel__blocked" data-testid="run-blocked">
            {runBlockedBy}
          </div>
        )}
        <EstimatePanel input={parsed.ok && !blocked ? parsed.value : null} />
      </section>

      {run.runId && (
        <section className="run-summary" data-testid="run-summary" data-status={status}>
          <div className="run-summary__head">
            <span className={`status-dot status-dot--${status}`} />
            <strong>{run.replay ? 'Past run' : 'Run'}</strong> <code>{run.runId}</code> <span className="run-summary__status">{status}</span>
            {isResumable(status) && (
              <button type="button" className="button button--small run-summary__resume" data-testid="resume-button" onClick={() => run.runId && void resumeRun(run.runId)}>
                Resume
              </button>
            )}
          </div>
          {status === 'interrupted' && (
            <div className="trace__skip" data-testid="run-interrupted">
              The server stopped while this run was going. Resume keeps the nodes that finished and runs the rest.
            </div>
          )}
          {run.replay && runInput !== undefined && (
            <details open className="run-summary__input" data-testid="past-run-input">
              <summary>Input</summary>
              <pre>{formatValue(runInput)}</pre>
              <button type="button" className="button button--small" data-testid="run-again" disabled={running || runBlockedBy !== undefined} title={runBlockedBy} onClick={() => runAgain(runInput)}>
                Run again with this input
              </button>
            </details>
          )}
          {run.usage && (
            <div className="run-summary__totals">
              {run.usage.input_tokens} in · {run.usage.output_tokens} out · {formatCost(run.costUsd)}
              {run.durationMs !== undefined && ` · ${formatDuration(run.durationMs)}`}
            </div>
          )}
          <RunCacheSavings />
          {run.error && (
            <div className="trace__error" role="alert">
              {run.failedNodeId ? `${run.failedNodeId}: ` : ''}
              {run.error.message}
            </div>
          )}
          {run.cancelReason && status !== 'interrupted' && <div className="trace__skip">canceled: {run.cancelReason}</div>}
          {run.outputs && (
            <details open className="run-summary__outputs">
              <summary>Outputs</summary>
              <pre data-testid="run-outputs">{formatValue(run.outputs)}</pre>
            </details>
          )}
        </section>
      )}

      {tracedNodes.length > 0 && (
        <ol className="trace-list" data-testid="trace-list">
          {tracedNodes.map((nodeId) => (
            <NodeTrace key={nodeId} nodeId={nodeId} />
          ))}
        </ol>
      )}
      <RunHistory />
    </div>
  );
}
