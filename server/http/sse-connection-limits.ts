import { HttpError } from './http-error';

export interface SseLimits {
  perRun: number;
  total: number;
}

/**
 * Counts open event streams. A stream is cheap alone but each holds a socket, a heartbeat timer
 * and SQLite reads; thousands of readers (one hostile page can open them) starved every other
 * request. Past a limit a reader gets 503 `too_many_streams` (the router adds Retry-After) before any SSE
 * header is written, so an EventSource reports the error instead of hanging.
 */
export class SseConnectionLimits {
  private total = 0;
  private readonly byRun = new Map<string, number>();

  constructor(private readonly limits: SseLimits) {}

  /** Reserves a slot for a reader of `runId`; call the returned function exactly once when it closes. */
  acquire(runId: string): () => void {
    const forRun = this.byRun.get(runId) ?? 0;
    if (forRun >= this.limits.perRun) throw tooMany(`Run "${runId}" already has ${forRun} open event streams; the limit is ${this.limits.perRun} per run (TRELLIS_SSE_MAX_PER_RUN).`);
    if (this.total >= this.limits.total) throw tooMany(`The server already has ${this.total} open event streams; the limit is ${this.limits.total} (TRELLIS_SSE_MAX_TOTAL).`);
    this.total++;
    this.byRun.set(runId, forRun + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byRun.get(runId) ?? 1) - 1;
      if (left === 0) this.byRun.delete(runId);
      else this.byRun.set(runId, left);
    };
  }
}

function tooMany(message: string): HttpError {
  return new HttpError(503, 'too_many_streams', message);
}
