/** One parsed Server-Sent Events frame, or a comment line (heartbeat). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: number;
}

/**
 * A minimal, spec-following SSE parser for tests: reads the body chunk by chunk (frames may
 * be split anywhere) and yields each frame when its blank line arrives.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
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
