import type { TraceEvent } from '../../shared/trace-events';

export interface EventBatcherOptions {
  /** Commits a batch; must be atomic (one transaction). Throws to stop the run. */
  commit(events: readonly TraceEvent[]): void;
  /** Called once per batch after it is committed: durable first, stream second. */
  committed(events: readonly TraceEvent[]): void;
  /** How long a `node.delta` may wait for company before it is committed. */
  flushMs?: number;
  /** Commit early once this many deltas are waiting. */
  maxBatch?: number;
}

/**
 * Groups token deltas into one transaction per few milliseconds; any other event commits at once
 * together with the deltas before it, so a node's result is never stored ahead of its text.
 */
export class EventBatcher {
  private pending: TraceEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;
  private readonly flushMs: number;
  private readonly maxBatch: number;

  constructor(private readonly options: EventBatcherOptions) {
    this.flushMs = options.flushMs ?? 5;
    this.maxBatch = options.maxBatch ?? 256;
  }

  push(event: TraceEvent): void {
    this.throwIfFailed();
    this.pending.push(event);
    if (event.type !== 'node.delta' || this.pending.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flushFromTimer(), this.flushMs);
  }

  /** Commits whatever is waiting; throws if this or an earlier timed flush failed. */
  flush(): void {
    this.throwIfFailed();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.commit(batch);
    this.options.committed(batch);
  }

  /** Drops anything waiting (after a failure nothing more may be written). */
  discard(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private flushFromTimer(): void {
    this.timer = undefined;
    try {
      this.flush();
    } catch (error) {
      // Surfaced on the next push/flush, where the caller can stop the run.
      this.failure = error;
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
