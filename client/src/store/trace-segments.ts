/**
 * What a node said and did, in the order it happened: text of round 1, the tool calls it made,
 * text of round 2, ... A tool loop read from separate `text` and `toolCalls` fields glues the rounds
 * together and loses their order, so the trace and the node view render this list instead.
 */
export type TraceSegment = { kind: 'text'; text: string } | { kind: 'tool'; toolUseId: string };

/** Streamed text joins the text segment it continues; after a tool call it starts a new one. */
export function appendText(segments: readonly TraceSegment[], text: string): TraceSegment[] {
  const last = segments.at(-1);
  if (last?.kind === 'text') return [...segments.slice(0, -1), { kind: 'text', text: last.text + text }];
  return [...segments, { kind: 'text', text }];
}

export function appendToolCall(segments: readonly TraceSegment[], toolUseId: string): TraceSegment[] {
  // A replayed call is already in place; the seq check usually stops it earlier, this keeps it true.
  if (segments.some((segment) => segment.kind === 'tool' && segment.toolUseId === toolUseId)) return [...segments];
  return [...segments, { kind: 'tool', toolUseId }];
}

/**
 * The completed node's output holds the final round's whole text, while the stream may have been
 * coalesced or cut short on replay: it replaces the text after the last tool call, and earlier
 * rounds stay as they were streamed.
 */
export function settleFinalText(segments: readonly TraceSegment[], finalText: string | undefined): TraceSegment[] {
  if (finalText === undefined) return [...segments];
  const last = segments.at(-1);
  const before = last?.kind === 'text' ? segments.slice(0, -1) : segments;
  return finalText === '' ? [...before] : [...before, { kind: 'text', text: finalText }];
}

/** The node's answer as one string, rounds separated by a blank line (the canvas node shows this). */
export function segmentsText(segments: readonly TraceSegment[]): string {
  return segments
    .flatMap((segment) => (segment.kind === 'text' && segment.text.trim() !== '' ? [segment.text.trim()] : []))
    .join('\n\n');
}
