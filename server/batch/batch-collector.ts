import type Anthropic from '@anthropic-ai/sdk';
import { NotFoundError } from '@anthropic-ai/sdk';
import { sleep } from '../engine/sleep';
import type { BatchProgress, BatchSummary } from './batch-report';
import type { BatchState, StoredBatch, StoredResult } from './batch-state';

export interface BatchRequest {
  row: number;
  customId: string;
  /** custom_id + hash of the params: what the state file remembers a result under. */
  key: string;
  params: Record<string, unknown>;
  signal?: AbortSignal | null;
}

interface Pending extends BatchRequest {
  resolve: (result: StoredResult) => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

export interface CollectorOptions {
  claude: Anthropic;
  state: BatchState;
  pollMs: number;
  signal: AbortSignal;
  rowsTotal: number;
  rowsDone: () => number;
  onProgress?: (progress: BatchProgress) => void;
  /** Abortable wait between polls (injectable for tests). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The API's limits per batch: 100,000 requests and 256 MB; stay well under the size. */
const MAX_REQUESTS_PER_BATCH = 100_000;
const MAX_BATCH_BYTES = 200 * 1024 * 1024;

/**
 * Gathers the Claude calls of every row and sends them as Message Batches, one "layer" at a time:
 * a batch is submitted when no batch is in flight and every unfinished row is waiting on at least
 * one call, so each layer holds every call that can be made before more results arrive. Results
 * already in the state file are answered at once; calls of a batch submitted by an interrupted
 * attempt wait for that batch (re-polled, never re-submitted).
 */
export class BatchCollector {
  readonly summaries: BatchSummary[] = [];
  private queue: Pending[] = [];
  private readonly outstanding = new Map<number, number>();
  private activeRows: number;
  private inFlight = 0;
  private layer = 0;
  private checkScheduled = false;
  private readonly resumed = new Map<string, Promise<Record<string, StoredResult> | undefined>>();

  constructor(private readonly options: CollectorOptions) {
    this.activeRows = options.rowsTotal;
  }

  request(request: BatchRequest): Promise<StoredResult> {
    const stored = this.options.state.result(request.key);
    if (stored) return Promise.resolve(stored);
    if (request.signal?.aborted) return Promise.reject(abortError());
    return new Promise<StoredResult>((resolve, reject) => {
      const pending: Pending = { ...request, resolve, reject, settled: false };
      this.track(pending);
      const open = this.options.state.openBatchOf(request.key);
      if (open) {
        this.awaitResumed(open).then(
          (results) => {
            if (results) return this.settle(pending, results[pending.key] ?? missing(open.id, pending.customId));
            // The batch is gone (deleted, or made by another server): send the request again.
            this.queue.push(pending);
            this.scheduleCheck();
          },
          (error: unknown) => this.fail(pending, error),
        );
        return;
      }
      this.queue.push(pending);
      this.scheduleCheck();
    });
  }

  rowFinished(): void {
    this.activeRows -= 1;
    this.scheduleCheck();
  }

  private track(pending: Pending): void {
    this.outstanding.set(pending.row, (this.outstanding.get(pending.row) ?? 0) + 1);
    pending.signal?.addEventListener(
      'abort',
      () => {
        const index = this.queue.indexOf(pending);
        if (index >= 0) this.queue.splice(index, 1);
        this.fail(pending, abortError());
        this.scheduleCheck();
      },
      { once: true },
    );
  }

  private settle(pending: Pending, result: StoredResult): void {
    if (pending.settled) return;
    pending.settled = true;
    this.untrack(pending.row);
    pending.resolve(result);
  }

  private fail(pending: Pending, error: unknown): void {
    if (pending.settled) return;
    pending.settled = true;
    this.untrack(pending.row);
    pending.reject(error);
  }

  private untrack(row: number): void {
    const left = (this.outstanding.get(row) ?? 1) - 1;
    if (left > 0) this.outstanding.set(row, left);
    else this.outstanding.delete(row);
  }

  /** Deferred by a macrotask so every row can react to the last results before the next layer. */
  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => {
      this.checkScheduled = false;
      if (this.inFlight > 0 || this.queue.length === 0 || this.options.signal.aborted) return;
      if (this.outstanding.size < this.activeRows) return;
      this.flush();
    });
  }

  private flush(): void {
    const requests = this.queue;
    this.queue = [];
    this.layer += 1;
    for (const chunk of chunks(requests)) {
      this.inFlight += 1;
      void this.submit(chunk, this.layer).finally(() => {
        this.inFlight -= 1;
        this.scheduleCheck();
      });
    }
  }

  private async submit(chunk: Pending[], layer: number): Promise<void> {
    const { claude, signal, state } = this.options;
    try {
      const batch = await claude.messages.batches.create({ requests: chunk.map((pending) => ({ custom_id: pending.customId, params: pending.params as never })) }, { signal });
      const stored: StoredBatch = { id: batch.id, layer, keys: chunk.map((pending) => pending.key), status: 'submitted' };
      state.addBatch(stored);
      this.progress({ phase: 'submitted', layer, batchId: batch.id, requests: chunk.length, processing: chunk.length });
      const results = await this.pollAndRead(stored, false);
      for (const pending of chunk) this.settle(pending, results[pending.key] ?? missing(batch.id, pending.customId));
    } catch (error) {
      for (const pending of chunk) this.fail(pending, signal.aborted ? abortError() : error);
    }
  }

  private awaitResumed(batch: StoredBatch): Promise<Record<string, StoredResult> | undefined> {
    let waiting = this.resumed.get(batch.id);
    if (!waiting) {
      this.inFlight += 1;
      waiting = this.pollAndRead(batch, true).catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
        this.options.state.forgetBatch(batch.id);
        return undefined;
      });
      this.resumed.set(batch.id, waiting);
      void waiting.catch(() => undefined).finally(() => {
        this.inFlight -= 1;
        this.scheduleCheck();
      });
    }
    return waiting;
  }

  /** Polls until the batch ends, then reads its results file and records it in the state. */
  private async pollAndRead(batch: StoredBatch, resumed: boolean): Promise<Record<string, StoredResult>> {
    const { claude, signal, state, pollMs } = this.options;
    const wait = this.options.sleep ?? abortableSleep;
    for (;;) {
      const status = await claude.messages.batches.retrieve(batch.id, null, { signal });
      const counts = status.request_counts;
      if (status.processing_status === 'ended') {
        const byCustomId = new Map<string, StoredResult>();
        for await (const line of await claude.messages.batches.results(batch.id, undefined, { signal })) byCustomId.set(line.custom_id, line.result as StoredResult);
        const results: Record<string, StoredResult> = {};
        for (const key of batch.keys) {
          const result = byCustomId.get(key.slice(0, key.lastIndexOf(':')));
          if (result) results[key] = result;
        }
        state.finishBatch(batch.id, results);
        this.summaries.push({ id: batch.id, layer: batch.layer, requests: batch.keys.length, succeeded: counts.succeeded, errored: counts.errored, resumed });
        this.progress({ phase: 'ended', layer: batch.layer, batchId: batch.id, requests: batch.keys.length, processing: 0, succeeded: counts.succeeded, errored: counts.errored });
        return results;
      }
      this.progress({ phase: 'polling', layer: batch.layer, batchId: batch.id, requests: batch.keys.length, processing: counts.processing, succeeded: counts.succeeded, errored: counts.errored });
      await wait(pollMs, signal);
    }
  }

  private progress(update: Omit<BatchProgress, 'rowsDone' | 'rowsTotal'>): void {
    this.options.onProgress?.({ ...update, rowsDone: this.options.rowsDone(), rowsTotal: this.options.rowsTotal });
  }
}

function* chunks(requests: Pending[]): Generator<Pending[]> {
  let current: Pending[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = JSON.stringify(request.params).length + 100;
    if (current.length > 0 && (current.length >= MAX_REQUESTS_PER_BATCH || bytes + size > MAX_BATCH_BYTES)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(request);
    bytes += size;
  }
  if (current.length > 0) yield current;
}

function missing(batchId: string, customId: string): StoredResult {
  return { type: 'errored', error: { error: { type: 'api_error', message: `batch ${batchId} returned no result for ${customId}` } } };
}

function abortError(): Error {
  return new DOMException('The batch run was interrupted.', 'AbortError');
}

/** The engine's abortable wait, rejecting with the batch's own interruption error. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, signal).catch(() => Promise.reject(abortError()));
}
