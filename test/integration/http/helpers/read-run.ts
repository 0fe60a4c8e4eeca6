import type { TraceEvent } from '../../../../shared/trace-events';
import { isTerminalEvent } from '../../../../shared/trace-events';
import type { SseFrame } from './sse-client';

/**
 * Reads event frames until a terminal event (inclusive), until `until` says stop, or until the
 * server closes the stream; ignores comments. Stopping early leaves the stream open for more reads.
 */
export async function readEvents(frames: AsyncGenerator<SseFrame>, until?: (event: TraceEvent) => boolean): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for (;;) {
    const next = await frames.next();
    if (next.done) break;
    const frame = next.value;
    if (frame.data === undefined) continue;
    const event = JSON.parse(frame.data) as TraceEvent;
    if (frame.id !== String(event.seq) || frame.event !== event.type) throw new Error(`Frame header ${frame.id}/${frame.event} does not match event ${event.seq}/${event.type}`);
    events.push(event);
    if (isTerminalEvent(event) || until?.(event)) break;
  }
  return events;
}
