import { isTerminalEvent, type TraceEvent } from '../../shared/trace-events';

/** One parsed Server-Sent Events frame, or a comment line (heartbeat). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: number;
}

/**
 * A spec-following SSE parser: reads the body chunk by chunk (frames may be split anywhere, lines
 * end in CRLF, LF or CR) and yields each frame when its blank line arrives, and each comment.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  let buffer = '';
  let frame: SseFrame = {};
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\n|\r/)) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (Object.keys(frame).length > 0) yield frame;
          frame = {};
          continue;
        }
        if (line.startsWith(':')) {
          yield { comment: line.slice(1).trim() };
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
        else if (field === 'id') frame.id = value;
        else if (field === 'event') frame.event = value;
        else if (field === 'retry') frame.retry = Number(value);
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The data frames of an SSE URL (comments and `retry:` skipped) until the server ends it or `signal` aborts. */
export async function* readSse(url: string, options: { lastEventId?: number; signal?: AbortSignal; headers?: Record<string, string> } = {}): AsyncGenerator<SseFrame & { data: string }> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const response = await fetch(url, { headers, signal: options.signal });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} answered ${response.status}: ${await response.text()}`);
  for await (const frame of parseSse(response.body)) if (frame.data !== undefined) yield frame as SseFrame & { data: string };
}

/** A frame's trace event, checking that its `id:` and `event:` lines agree with the data. */
function eventOf(frame: SseFrame & { data: string }): TraceEvent {
  const event = JSON.parse(frame.data) as TraceEvent;
  if (frame.id !== String(event.seq) || frame.event !== event.type) throw new Error(`SSE frame id/event ${frame.id}/${frame.event} do not match its data (${event.seq}/${event.type}).`);
  return event;
}

/**
 * Reads event frames until a terminal event (inclusive), until `until` says stop, or until the
 * server closes the stream; ignores comments. Stopping early leaves the stream open for more reads.
 */
export async function readEvents(frames: AsyncGenerator<SseFrame>, until?: (event: TraceEvent) => boolean): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for (;;) {
    const next = await frames.next();
    if (next.done) break;
    if (next.value.data === undefined) continue;
    const event = eventOf(next.value as SseFrame & { data: string });
    events.push(event);
    if (isTerminalEvent(event) || until?.(event)) break;
  }
  return events;
}

/** Every trace event of a run's SSE stream, read until the server ends it (past any earlier attempt's terminal event). */
export async function readRunEvents(baseUrl: string, runId: string, options: { lastEventId?: number; signal?: AbortSignal } = {}): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const frame of readSse(`${baseUrl}/api/runs/${runId}/events`, options)) events.push(eventOf(frame));
  return events;
}
