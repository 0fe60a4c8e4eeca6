import type { TraceEvent } from '../../shared/trace-events';

export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
}

/**
 * Reads a text/event-stream response frame by frame (comments and `retry:` lines skipped) until
 * the server ends it or `signal` aborts. Frames are parsed by the SSE rules: fields until a blank
 * line, `data:` lines joined with newlines.
 */
export async function* readSse(url: string, options: { lastEventId?: number; signal?: AbortSignal; headers?: Record<string, string> } = {}): AsyncGenerator<SseFrame> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const response = await fetch(url, { headers, signal: options.signal });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let frame: SseFrame = { data: '' };
  let hasData = false;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
      if (line === '') {
        if (hasData) yield frame;
        frame = { data: '' };
        hasData = false;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') {
        frame.data = hasData ? `${frame.data}\n${value}` : value;
        hasData = true;
      } else if (field === 'id') frame.id = value;
      else if (field === 'event') frame.event = value;
    }
  }
}

/** Every trace event of a run's SSE stream, read to the end (the terminal event). */
export async function readRunEvents(baseUrl: string, runId: string, options: { lastEventId?: number; signal?: AbortSignal } = {}): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const frame of readSse(`${baseUrl}/api/runs/${runId}/events`, options)) {
    const event = JSON.parse(frame.data) as TraceEvent;
    if (frame.id !== String(event.seq) || frame.event !== event.type) throw new Error(`SSE frame id/event ${frame.id}/${frame.event} do not match its data (${event.seq}/${event.type}).`);
    events.push(event);
  }
  return events;
}
