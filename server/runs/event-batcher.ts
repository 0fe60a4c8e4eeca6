import type { TraceEvent } from '../../shared/trace-events';

export interface EventBatcherOptions {
  /** Commits events of any number of runs; must be atomic (one transaction). Throws to refuse. */
  commit(events: readonly TraceEvent[]): void;
  /**
   * 0 (default): commit at the end of the event-loop turn the events arrived in. > 0: a batch of
   * only deltas may wait this many ms for company; any other event still commits at the turn's end.
   */
  flushMs?: number;
}

/** One run's view of the shared batcher. */
export interface RunBatch {
  /** Queues an event; throws if an earlier commit of this run failed. */
  push(event: TraceEvent): void;
  /** Resolves once everything pushed so far is committed (and announced); rejects if that failed. */
  settled(): Promise<void>;
  /** Drops anything not yet committed and leaves the batcher (after a failure nothing more may be written). */
  discard(): void;
}

interface Member {
  queued: TraceEvent[];
  committed: (events: readonly TraceEvent[]) => void;
  failure?: { error: unknown };
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Groups the events of every run in the process into one transaction per event-loop turn, then
 * announces them (durable first, stream second). A run's events keep their order and commit in
 * the same or a later transaction than the events before them, so a node's result is never
 * stored ahead of its text and there are no gaps. If a shared transaction fails, each run's part
 * is retried on its own, so one run's bad event fails only that run.
 */
export class EventBatcher {
  private readonly due = new Set<Member>();
  private endOfTurn: ReturnType<typeof setImmediate> | undefined;
  private window: ReturnType<typeof setTimeout> | undefined;
  private readonly flushMs: number;

  constructor(private readonly options: EventBatcherOptions) {
    this.flushMs = Math.max(0, options.flushMs ?? 0);
  }

  /** `committed` is called once per committed batch of this run, after the transaction. */
  open(committed: (events: readonly TraceEvent[]) => void): RunBatch {
    const member: Member = { queued: [], committed, waiters: [] };
    return {
      push: (event) => this.push(member, event),
      settled: () => this.settled(member),
      discard: () => this.discard(member),
    };
  }

  /** Commits everything queued now (also what the end-of-turn flush would commit). */
  flush(): void {
    if (this.endOfTurn !== undefined) clearImmediate(this.endOfTurn);
    if (this.window !== undefined) clearTimeout(this.window);
    this.endOfTurn = undefined;
    this.window = undefined;
    const batch = [...this.due].filter((member) => member.queued.length > 0 || member.waiters.length > 0);
    this.due.clear();
    if (batch.length === 0) return;
    const parts = batch.map((member) => {
      const events = member.queued;
      member.queued = [];
      return { member, events };
    });
    const committed = this.commitTogether(parts);
    for (const { member, events } of parts) {
      if (committed.has(member) && events.length > 0) {
        try {
          member.committed(events);
        } catch (error) {
          member.failure ??= { error };
        }
      }
      this.settle(member);
    }
  }

  private push(member: Member, event: TraceEvent): void {
    if (member.failure) throw member.failure.error;
    member.queued.push(event);
    this.due.add(member);
    if (event.type !== 'node.delta' || this.flushMs === 0) this.endOfTurn ??= setImmediate(() => this.flush());
    else this.window ??= setTimeout(() => this.flush(), this.flushMs);
  }

  private settled(member: Member): Promise<void> {
    if (member.failure) return Promise.reject(member.failure.error);
    if (member.queued.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      member.waiters.push({ resolve, reject });
      this.due.add(member);
      this.endOfTurn ??= setImmediate(() => this.flush());
    });
  }

  private discard(member: Member): void {
    member.queued = [];
    this.due.delete(member);
    this.settle(member);
  }

  /** One transaction for all; if it fails, one per run, so the failure stays with its run. */
  private commitTogether(parts: { member: Member; events: TraceEvent[] }[]): Set<Member> {
    const pending = parts.filter((part) => part.events.length > 0);
    try {
      this.options.commit(pending.flatMap((part) => part.events));
      return new Set(pending.map((part) => part.member));
    } catch (error) {
      if (pending.length === 1 && pending[0]) {
        pending[0].member.failure ??= { error };
        return new Set();
      }
    }
    const committed = new Set<Member>();
    for (const { member, events } of pending) {
      try {
        this.options.commit(events);
        committed.add(member);
      } catch (error) {
        member.failure ??= { error };
      }
    }
    return committed;
  }

  private settle(member: Member): void {
    const waiters = member.waiters;
    member.waiters = [];
    for (const waiter of waiters) {
      if (member.failure) waiter.reject(member.failure.error);
      else waiter.resolve();
    }
  }
}
