import type { Json } from '../../shared/json-schema';
import { isTerminalEvent, type RunStatus, type TraceEvent } from '../../shared/trace-events';
import { ZERO_USAGE } from '../../shared/usage';
import type { Store } from '../store/store';
import { batcherOfStore } from './batcher-of-store';
import type { EventBatcher } from './event-batcher';

export interface RecordedRun {
  id: string;
  workflowId: string;
  /** The workflow snapshot this run executes (stored with the run). */
  workflowJson: string;
  input: Json;
  createdAt: number;
}

export interface RecordRunOptions {
  /** Called for every event once it is committed to SQLite. */
  onEvent?: (event: TraceEvent) => void;
  /** Called once per committed batch (the run manager wakes SSE subscribers with it). */
  onCommit?: (events: readonly TraceEvent[]) => void;
  /** Shares transactions with other runs; defaults to the store's own batcher (per loop turn). */
  batcher?: EventBatcher;
  now?: () => number;
}

/**
 * Persists a run's trace events as they arrive and keeps the run row and node results in step.
 * Creates the run row if it does not exist yet, or makes an existing (resumed) one live again.
 * Always leaves the run in a terminal state: if the event stream breaks or ends without a
 * terminal event, a `run.failed` is recorded in its place. Resolves with the final status.
 */
export async function recordRun(store: Store, run: RecordedRun, events: AsyncIterable<TraceEvent>, options: RecordRunOptions = {}): Promise<RunStatus> {
  const now = options.now ?? Date.now;
  if (store.runs.get(run.id)) store.runs.restart(run.id, now());
  else store.runs.insert(run);

  const batcher = (options.batcher ?? batcherOfStore(store)).open((batch) => {
    options.onCommit?.(batch);
    if (options.onEvent) for (const event of batch) options.onEvent(event);
  });

  let terminal: TraceEvent | undefined;
  let failure: unknown;
  try {
    for await (const event of events) {
      batcher.push(event);
      if (isTerminalEvent(event)) terminal = event;
    }
  } catch (error) {
    failure = error;
  }
  try {
    // What the engine produced before a failure is still worth keeping (no gaps before run.failed).
    await batcher.settled();
  } catch (error) {
    failure ??= error;
  }
  if (terminal && failure === undefined) return statusOf(terminal);

  batcher.discard();
  const message = failure instanceof Error ? failure.message : failure === undefined ? 'The run ended without a terminal event.' : String(failure);
  const failed: TraceEvent = {
    seq: store.events.lastSeq(run.id) + 1,
    ts: now(),
    runId: run.id,
    type: 'run.failed',
    data: { usage: { ...ZERO_USAGE }, cost_usd: 0, duration_ms: 0, error: { type: 'internal', message: `Trellis could not record this run: ${message}` } },
  };
  try {
    store.commitEvents([failed]);
    options.onCommit?.([failed]);
    options.onEvent?.(failed);
  } catch {
    // The database itself is failing; the run stays `running` and becomes `interrupted` at next start.
  }
  return 'failed';
}

function statusOf(event: TraceEvent): RunStatus {
  if (event.type === 'run.completed') return 'completed';
  if (event.type === 'run.canceled') return 'canceled';
  if (event.type === 'run.interrupted') return 'interrupted';
  return 'failed';
}
