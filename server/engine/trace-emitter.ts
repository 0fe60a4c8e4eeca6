import type { Json } from '../../shared/json-schema';
import type { NodeDeltaEvent, TraceEvent } from '../../shared/trace-events';
import { atEndOfTurn, cancelEndOfTurn, type EndOfTurnTask } from './end-of-turn';
import { redactSecrets } from './redact-secrets';

type Draft = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'ts' | 'runId'> : never) : never;
type DeltaData = NodeDeltaEvent['data'];

export interface TraceEmitterOptions {
  runId: string;
  startSeq: number;
  now: () => number;
  secrets: Record<string, string>;
  /** > 0: a time window per buffer; 0: whatever arrives in the same event-loop turn. */
  flushMs: number;
  /** A buffer this large flushes at once (so 1 turns coalescing off). */
  flushBytes: number;
  sink: (event: TraceEvent) => void;
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
 */
export class TraceEmitter implements EndOfTurnTask {
  private seq: number;
  private readonly pending = new Map<string, PendingDelta>();

  constructor(private readonly options: TraceEmitterOptions) {
    this.seq = options.startSeq;
  }

  emit(draft: Draft): void {
    if (draft.nodeId !== undefined) this.flushNode(draft.nodeId);
    this.write(draft);
  }

  delta(nodeId: string, kind: DeltaData['kind'], text: string, toolUseId?: string): void {
    if (text === '') return;
    let buffer = this.pending.get(nodeId);
    if (buffer && (buffer.kind !== kind || buffer.toolUseId !== toolUseId)) {
      this.flushNode(nodeId);
      buffer = undefined;
    }
    if (!buffer) {
      buffer = { nodeId, kind, text: '', bytes: 0 };
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

  flushNode(nodeId: string): void {
    const buffer = this.pending.get(nodeId);
    if (!buffer) return;
    this.pending.delete(nodeId);
    if (buffer.timer) clearTimeout(buffer.timer);
    if (this.pending.size === 0) cancelEndOfTurn(this);
    const data: DeltaData = { kind: buffer.kind, text: buffer.text };
    if (buffer.toolUseId !== undefined) data.toolUseId = buffer.toolUseId;
    this.write({ type: 'node.delta', nodeId, data });
  }

  flushAll(): void {
    for (const nodeId of [...this.pending.keys()]) this.flushNode(nodeId);
  }

  runAtEndOfTurn(): void {
    this.flushAll();
  }

  get nextSeq(): number {
    return this.seq;
  }

  private write(draft: Draft): void {
    const data = redactSecrets(draft.data as unknown as Json, this.options.secrets);
    const event = { ...draft, data, seq: this.seq++, ts: this.options.now(), runId: this.options.runId } as TraceEvent;
    this.options.sink(event);
  }
}
