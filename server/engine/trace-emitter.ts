import type { Json } from '../../shared/json-schema';
import type { NodeDeltaEvent, TraceEvent } from '../../shared/trace-events';
import { redactSecrets } from './redact-secrets';

type Draft = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'ts' | 'runId'> : never) : never;
type DeltaData = NodeDeltaEvent['data'];

export interface TraceEmitterOptions {
  runId: string;
  startSeq: number;
  now: () => number;
  secrets: Record<string, string>;
  flushMs: number;
  flushBytes: number;
  sink: (event: TraceEvent) => void;
}

interface PendingDelta {
  nodeId: string;
  kind: DeltaData['kind'];
  toolUseId?: string;
  text: string;
  startedAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Stamps seq/ts/runId, redacts secret values, and coalesces node.delta events.
 * Invariants: seq is contiguous; a node's pending delta is always flushed before that node's next
 * non-delta event (and before any delta of another kind), so concatenating the emitted deltas
 * reproduces the streamed text exactly. One timer per pending buffer, never one per token.
 */
export class TraceEmitter {
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
      buffer = { nodeId, kind, text: '', startedAt: this.options.now() };
      if (toolUseId !== undefined) buffer.toolUseId = toolUseId;
      this.pending.set(nodeId, buffer);
      if (this.options.flushMs > 0) {
        const timer = setTimeout(() => this.flushNode(nodeId), this.options.flushMs);
        timer.unref?.();
        buffer.timer = timer;
      }
    }
    buffer.text += text;
    if (this.options.flushMs <= 0 || Buffer.byteLength(buffer.text) >= this.options.flushBytes) this.flushNode(nodeId);
  }

  flushNode(nodeId: string): void {
    const buffer = this.pending.get(nodeId);
    if (!buffer) return;
    this.pending.delete(nodeId);
    if (buffer.timer) clearTimeout(buffer.timer);
    const data: DeltaData = { kind: buffer.kind, text: buffer.text };
    if (buffer.toolUseId !== undefined) data.toolUseId = buffer.toolUseId;
    this.write({ type: 'node.delta', nodeId, data });
  }

  flushAll(): void {
    for (const nodeId of [...this.pending.keys()]) this.flushNode(nodeId);
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
