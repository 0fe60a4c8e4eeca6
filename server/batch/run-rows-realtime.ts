import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import { engineDepsOf, type EngineEnvironment } from '../environment';
import type { BatchProgress, BatchReport } from './batch-report';
import { report } from './run-batch';
import { applyRowEvent, interruptedRow, type RowOutcome } from './row-outcome';
import { UsageLedger } from './usage-ledger';

export interface RealtimeRowsOptions {
  /** Claude, fetch, files root, secrets, MCP and prices: the same as for any other run. */
  environment: EngineEnvironment;
  /** Rows running at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

/** How one caller of the realtime row loop names, times and consumes each row's run. */
export interface RealtimeRowsPlan {
  runIdFor: (row: number) => string;
  /** Drives the row's trace to its end (e.g. recording it); by default it is only drained. */
  consume?: (row: number, runId: string, events: AsyncIterable<TraceEvent>) => Promise<void>;
  /** Error of a row its run's cancelation ends, and of a row that never started. */
  canceledMessage: string;
  notStartedMessage: string;
}

/**
 * Every row through `runWorkflow` (realtime Messages calls, full price), a bounded number at a
 * time, folded into the same `BatchReport` a batch run gives. Rows not started when the signal
 * fires count as canceled.
 */
export async function runRowsRealtime(workflow: Workflow, rows: readonly Json[], options: RealtimeRowsOptions, plan: RealtimeRowsPlan): Promise<BatchReport> {
  const ledger = new UsageLedger(false, options.environment.prices);
  const outcomes: RowOutcome[] = new Array(rows.length);
  const limit = Math.max(1, options.concurrency ?? 4);
  const consume = plan.consume ?? drain;
  let next = 0;
  let done = 0;

  const runOne = async (row: number): Promise<void> => {
    const outcome = interruptedRow(plan.canceledMessage);
    const runId = plan.runIdFor(row);
    const deps = engineDepsOf(options.environment, { runId, signal: options.signal });
    async function* observed(): AsyncIterable<TraceEvent> {
      for await (const event of runWorkflow(workflow, rows[row] as Json, deps)) {
        if (event.type === 'node.completed' && event.data.usage && event.data.model) ledger.add(row, event.data.model, event.data.usage);
        applyRowEvent(outcome, event);
        yield event;
      }
    }
    await consume(row, runId, observed());
    outcomes[row] = outcome;
    done += 1;
    options.onProgress?.({ phase: 'row', rowsDone: done, rowsTotal: rows.length });
  };

  const worker = async (): Promise<void> => {
    while (next < rows.length && !options.signal?.aborted) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
  for (let row = 0; row < rows.length; row += 1) outcomes[row] ??= interruptedRow(plan.notStartedMessage);
  return report('realtime', outcomes, ledger, [], options.signal?.aborted ?? false);
}

async function drain(_row: number, _runId: string, events: AsyncIterable<TraceEvent>): Promise<void> {
  for await (const _event of events) {
    // Folding happens as the events pass; draining drives the run.
  }
}
