import type { Response } from 'express';
import type { TraceEvent } from '../../shared/trace-events';

/**
 * Writes Server-Sent Events frames to one response. `send` resolves once the frame is handed to
 * the socket, waiting for `drain` when the client reads slowly, so a slow reader holds only its
 * own position, never a growing buffer. Resolves (never rejects) when the client has gone.
 */
export class SseWriter {
  private closed = false;

  constructor(private readonly res: Response) {
    res.on('close', () => {
      this.closed = true;
      res.emit('drain');
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  open(retryMs: number): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform keeps proxies from compressing or buffering; X-Accel-Buffering does the same for nginx.
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.setHeader('Connection', 'keep-alive');
    this.res.flushHeaders();
    this.res.socket?.setNoDelay(true);
    void this.write(`retry: ${retryMs}\n\n`);
  }

  /** `id:` is the seq so a reconnecting EventSource resumes with Last-Event-ID. */
  send(event: TraceEvent): Promise<void> {
    // JSON.stringify never emits a raw newline, so the data fits one `data:` line.
    return this.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  comment(text: string): Promise<void> {
    return this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (!this.closed) this.res.end();
  }

  private write(frame: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.res.write(frame)) return Promise.resolve();
    return new Promise((resolve) => this.res.once('drain', () => resolve()));
  }
}
