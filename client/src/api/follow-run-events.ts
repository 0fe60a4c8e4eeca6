import type { TraceEvent, TraceEventType } from '../../../shared/trace-events';
import { api } from './api';

// `run.interrupted`: the terminal event the server is to write for runs it finds interrupted at start-up (not in the shared union yet).
const EVENT_TYPES: readonly (TraceEventType | 'run.interrupted')[] = [
  'run.started',
  'node.started',
  'node.delta',
  'node.tool_call',
  'node.tool_result',
  'node.retry',
  'node.completed',
  'node.skipped',
  'node.failed',
  'run.completed',
  'run.failed',
  'run.canceled',
  'run.interrupted',
];

export interface RunEventHandlers {
  onEvents(events: TraceEvent[]): void;
  /** The stream is over: the server ended it and the run is no longer live. */
  onEnd(): void;
}

/**
 * Follows `/api/runs/:id/events` from `after` (0 = from the start, which replays a past run).
 * Events are handed over in small batches so a fast stream costs one store update per batch, not
 * per delta. The server ends the stream when the run is over; EventSource would reconnect, so
 * on every end or drop this asks the server whether the run is still live and resumes after the
 * last seq only if it is. A terminal event alone does not end following.
 * Returns a function that stops following.
 */
export function followRunEvents(runId: string, handlers: RunEventHandlers, after = 0): () => void {
  let lastSeq = after;
  let source: EventSource | null = null;
  let queue: TraceEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = () => {
    flushTimer = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    handlers.onEvents(batch);
  };
  const finish = () => {
    if (stopped) return;
    stopped = true;
    source?.close();
    if (flushTimer !== null) clearTimeout(flushTimer);
    flush();
    handlers.onEnd();
  };
  const receive = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as TraceEvent;
    if (event.seq <= lastSeq) return;
    lastSeq = event.seq;
    // No stop at a terminal event: a resumed run's log goes on after the earlier attempt's
    // `run.failed`/`run.canceled`. The server ends the stream once the run is over.
    queue.push(event);
    flushTimer ??= setTimeout(flush, 16);
  };
  const open = () => {
    if (stopped) return;
    source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events${lastSeq > 0 ? `?after=${lastSeq}` : ''}`);
    for (const type of EVENT_TYPES) source.addEventListener(type, receive as EventListener);
    source.onerror = () => {
      source?.close();
      if (stopped) return;
      // Show what arrived while the server is asked whether more will come.
      flush();
      // The server ends the stream of a run that is not live without a terminal event (e.g. an
      // interrupted run); reconnecting would loop forever, so only reconnect while it is live.
      api.getRun(runId).then(
        (detail) => (detail.run.live ? setTimeout(open, 500) : finish()),
        () => finish(),
      );
    };
  };
  open();
  return () => {
    stopped = true;
    source?.close();
    if (flushTimer !== null) clearTimeout(flushTimer);
  };
}
