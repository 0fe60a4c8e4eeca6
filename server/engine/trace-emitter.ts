import type { Json } from '../../shared/json-schema';
import type { NodeDeltaEvent, TraceEvent } from '../../shared/trace-events';
import { atEndOfTurn, cancelEndOfTurn, type EndOfTurnTask } from './end-of-turn';
import { redactSecrets } from './redact-secrets';
import { SecretMatcher } from './secret-matcher';
import { StreamRedactor } from './stream-redactor';

type Draft = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'ts' | 'runId'> : never) : never;
type DeltaData = NodeDeltaEvent['data'];

export interface TraceEmitterOptions {
  runId: string;
  startSeq: number;
  now: () => number;
  /** Values no event may carry (granted secrets and Trellis's credentials), by name. */
  secrets: Record<string, string>;
  /** > 0: a time window per buffer; 0: whatever arrives in the same event-loop turn. */
  flushMs: number;
  /** A buffer this large flushes at once (so 1 turns coalescing off). */
  flushBytes: number;
  sink: (event: TraceEvent) => void;
}

interface HeldText {
  kind: DeltaData['kind'];
  toolUseId?: string;
  /** Raw text that could still be the start of a secret. */
  text: string;
}

interface PendingDelta {
  nodeId: string;
  kind: DeltaData['kind'];
  toolUseId?: string;
  text: string;
  bytes: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Stamps seq/ts/runId, redacts secret values, and coalesces node.delta events.
 * Invariants: seq is contiguous; a node's pending delta is always flushed before that node's next
 * non-delta event (and before any delta of another kind), so concatenating the emitted deltas
 * reproduces the streamed text exactly. With `flushMs` 0 (the default) the deltas that arrive in
 * one turn of the event loop (an SDK read often carries several) leave together at the end of it
 * (one `setImmediate` per turn for the whole process), so coalescing adds no waiting; a positive `flushMs` keeps a
 * time window instead (one timer per pending buffer, never one per token).
 * Deltas are redacted as one stream per node (StreamRedactor): a flush may hold back a short tail
 * that could be the start of a secret until more text comes or the node's next event, so a secret
 * split across chunks never leaves in pieces. With no secrets nothing is ever held back.
 */
export class TraceEmitter implements EndOfTurnTask {
  private seq: number;
  private readonly pending = new Map<string, PendingDelta>();
  private readonly held = new Map<string, HeldText>();
  private readonly redactor: StreamRedactor;
  private readonly matcher: SecretMatcher;

  constructor(private readonly options: TraceEmitterOptions) {
    this.seq = options.startSeq;
    this.redactor = new StreamRedactor(options.secrets);
    this.matcher = new SecretMatcher(options.secrets);
  }

  emit(draft: Draft): void {
    if (draft.nodeId !== undefined) this.flushNode(draft.nodeId, true);
    this.write(draft);
  }

  delta(nodeId: string, kind: DeltaData['kind'], text: string, toolUseId?: string): void {
    if (text === '') return;
    let buffer = this.pending.get(nodeId);
    if (buffer && (buffer.kind !== kind || buffer.toolUseId !== toolUseId)) {
      this.flushNode(nodeId, true);
      buffer = undefined;
    }
    if (!buffer) {
      const held = this.held.get(nodeId);
      if (held && (held.kind !== kind || held.toolUseId !== toolUseId)) this.releaseHeld(nodeId);
      const carried = this.held.get(nodeId)?.text ?? '';
      this.held.delete(nodeId);
      buffer = { nodeId, kind, text: carried, bytes: Buffer.byteLength(carried) };
      if (toolUseId !== undefined) buffer.toolUseId = toolUseId;
      this.pending.set(nodeId, buffer);
      if (this.options.flushMs > 0) {
        const timer = setTimeout(() => this.flushNode(nodeId), this.options.flushMs);
        timer.unref?.();
        buffer.timer = timer;
      } else {
        atEndOfTurn(this);
      }
    }
    buffer.text += text;
    buffer.bytes += Buffer.byteLength(text);
    if (buffer.bytes >= this.options.flushBytes) this.flushNode(nodeId);
  }

  /** `final`: the node's stream ends here (its next event follows), so nothing is held back. */
  flushNode(nodeId: string, final = false): void {
    const buffer = this.pending.get(nodeId);
    if (buffer) {
      this.pending.delete(nodeId);
      if (buffer.timer) clearTimeout(buffer.timer);
      if (this.pending.size === 0) cancelEndOfTurn(this);
      const { ready, held } = this.redactor.cut(buffer.text, final);
      if (held !== '') this.held.set(nodeId, { kind: buffer.kind, text: held, ...(buffer.toolUseId !== undefined ? { toolUseId: buffer.toolUseId } : {}) });
      this.writeDelta(nodeId, buffer.kind, ready, buffer.toolUseId);
    }
    if (final) this.releaseHeld(nodeId);
  }

  flushAll(): void {
    for (const nodeId of new Set([...this.pending.keys(), ...this.held.keys()])) this.flushNode(nodeId, true);
  }

  runAtEndOfTurn(): void {
    // Not final: a node's stream goes on in later turns, so a possible secret prefix stays held.
    for (const nodeId of [...this.pending.keys()]) this.flushNode(nodeId);
  }

  get nextSeq(): number {
    return this.seq;
  }

  private releaseHeld(nodeId: string): void {
    const held = this.held.get(nodeId);
    if (!held) return;
    this.held.delete(nodeId);
    this.writeDelta(nodeId, held.kind, this.redactor.cut(held.text, true).ready, held.toolUseId);
  }

  /** `text` is already redacted as part of its stream. */
  private writeDelta(nodeId: string, kind: DeltaData['kind'], text: string, toolUseId: string | undefined): void {
    if (text === '') return;
    const data: DeltaData = { kind, text };
    if (toolUseId !== undefined) data.toolUseId = toolUseId;
    this.options.sink({ type: 'node.delta', nodeId, data, seq: this.seq++, ts: this.options.now(), runId: this.options.runId });
  }

  private write(draft: Draft): void {
    const data = redactSecrets(draft.data as unknown as Json, this.matcher);
    const event = { ...draft, data, seq: this.seq++, ts: this.options.now(), runId: this.options.runId } as TraceEvent;
    this.options.sink(event);
  }
}
