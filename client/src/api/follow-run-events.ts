import { isTerminalEvent, type TraceEvent, type TraceEventType } from '../../../shared/trace-events';
import { api } from './api';

const EVENT_TYPES: readonly TraceEventType[] = [
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
];

export interface RunEventHandlers {
  onEvents(events: TraceEvent[]): void;
  /** The stream is over: a terminal event arrived, or the run is no longer live. */
  onEnd(): void;
}

/**
 * Follows `/api/runs/:id/events` from `after` (0 = from the start, which replays a past run).
 * Events are handed over in small batches so a fast stream costs one store update per batch, not
 * per delta. EventSource reconnects on its own; this closes it after the terminal event, and on a
 * dropped stream asks the server whether the run is still live before resuming after the last seq.
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
    queue.push(event);
    if (isTerminalEvent(event)) return finish();
    flushTimer ??= setTimeout(flush, 16);
  };
  const open = () => {
    if (stopped) return;
    source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events${lastSeq > 0 ? `?after=${lastSeq}` : ''}`);
    for (const type of EVENT_TYPES) source.addEventListener(type, receive as EventListener);
    source.onerror = () => {
      source?.close();
      if (stopped) return;
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
