/**
 * Rewrites a recorded Messages SSE body so each run of consecutive `content_block_delta` events of
 * one block becomes a single event carrying the joined text. A cassette is redacted as text, and a
 * secret the model streamed across two deltas is only visible to the redactor once joined; the
 * SDK accumulates the same message from one delta as from many, so replay is unchanged.
 */
const JOINED_FIELDS: Record<string, string> = { text_delta: 'text', input_json_delta: 'partial_json', thinking_delta: 'thinking' };

interface DeltaFrame {
  index: number;
  delta: Record<string, unknown> & { type: string };
}

export function coalesceSseDeltas(body: string): string {
  const frames = body.split(/\n\n/);
  const out: string[] = [];
  let open: DeltaFrame | undefined;
  const flush = (): void => {
    if (open) out.push(`event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: open.index, delta: open.delta })}`);
    open = undefined;
  };
  for (const frame of frames) {
    const delta = deltaOf(frame);
    if (!delta) {
      flush();
      out.push(frame);
      continue;
    }
    const field = JOINED_FIELDS[delta.delta.type];
    if (open && field && open.index === delta.index && open.delta.type === delta.delta.type) {
      open.delta[field] = String(open.delta[field] ?? '') + String(delta.delta[field] ?? '');
      continue;
    }
    flush();
    if (field) open = delta;
    else out.push(frame);
  }
  flush();
  return out.join('\n\n');
}

function deltaOf(frame: string): DeltaFrame | undefined {
  const data = frame.split('\n').find((line) => line.startsWith('data:'));
  if (!data || !/^event: content_block_delta$/m.test(frame)) return undefined;
  try {
    const parsed = JSON.parse(data.slice(5).trim()) as { type?: unknown; index?: unknown; delta?: { type?: unknown } };
    if (parsed.type !== 'content_block_delta' || typeof parsed.index !== 'number' || typeof parsed.delta?.type !== 'string') return undefined;
    return { index: parsed.index, delta: { ...parsed.delta } as DeltaFrame['delta'] };
  } catch {
    return undefined;
  }
}
