import { ApiError, invalid } from './api-error';
import { isObject } from './is-object';
import { newId } from './new-id';

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_REQUESTS = 100_000;
const LIFETIME_MS = 24 * 60 * 60 * 1000;

export type BatchResult =
  | { type: 'succeeded'; message: Record<string, unknown> }
  | { type: 'errored'; error: { type: 'error'; error: { type: string; message: string }; request_id: null } }
  | { type: 'canceled' }
  | { type: 'expired' };

interface Batch {
  id: string;
  createdAt: number;
  requests: { custom_id: string; params: unknown }[];
  results: BatchResult[];
  status: 'in_progress' | 'canceling' | 'ended';
  cancelInitiatedAt?: number;
  endedAt?: number;
  timer?: NodeJS.Timeout;
}

export interface BatchStoreDeps {
  now: () => number;
  /** Delay before each request is processed, so tests can watch `in_progress` and cancel. */
  paceMs: number;
  /** Runs one request's params like `POST /v1/messages`; throws ApiError for invalid params. */
  process: (params: unknown) => Record<string, unknown>;
  /** The simulator's own origin, for the absolute `results_url`. */
  origin: () => string;
}

/** Message Batches (wire §6): validated at create, processed in the background one request at a time. */
export class BatchStore {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly deps: BatchStoreDeps) {}

  create(body: unknown): Record<string, unknown> {
    if (!isObject(body)) throw invalid('', 'the request body must be a JSON object');
    for (const field of Object.keys(body)) if (field !== 'requests') throw invalid(field, 'Extra inputs are not permitted');
    const requests = body.requests;
    if (!Array.isArray(requests)) throw invalid('requests', 'Field required (a list)');
    if (requests.length === 0 || requests.length > MAX_REQUESTS) throw invalid('requests', `List should have between 1 and ${MAX_REQUESTS} items, not ${requests.length}`);
    const seen = new Set<string>();
    requests.forEach((request, index) => {
      const path = `requests.${index}`;
      if (!isObject(request)) throw invalid(path, 'Input should be an object');
      if (typeof request.custom_id !== 'string') throw invalid(`${path}.custom_id`, 'Field required');
      if (!CUSTOM_ID.test(request.custom_id)) throw invalid(`${path}.custom_id`, "String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
      if (seen.has(request.custom_id)) throw invalid(`${path}.custom_id`, `custom_id must be unique within a batch; "${request.custom_id}" is used more than once`);
      seen.add(request.custom_id);
      if (!isObject(request.params)) throw invalid(`${path}.params`, 'Field required (an object)');
    });
    const batch: Batch = {
      id: newId('msgbatch_01'),
      createdAt: this.deps.now(),
      requests: requests.map((request) => ({ custom_id: request.custom_id as string, params: request.params })),
      results: [],
      status: 'in_progress',
    };
    this.batches.set(batch.id, batch);
    this.schedule(batch, this.deps.paceMs);
    return this.view(batch);
  }

  retrieve(id: string): Record<string, unknown> {
    return this.view(this.find(id));
  }

  /** Newest first; equal timestamps keep the later-created batch first. */
  list(): Record<string, unknown>[] {
    return [...this.batches.values()].reverse().sort((a, b) => b.createdAt - a.createdAt).map((batch) => this.view(batch));
  }

  cancel(id: string): Record<string, unknown> {
    const batch = this.find(id);
    if (batch.status === 'in_progress') {
      batch.status = 'canceling';
      batch.cancelInitiatedAt = this.deps.now();
      // Cancellation takes effect at the next step; do not make the caller wait a whole pace.
      this.schedule(batch, 0);
    }
    return this.view(batch);
  }

  delete(id: string): Record<string, unknown> {
    const batch = this.find(id);
    if (batch.status !== 'ended') {
      throw invalid('message_batch_id', `batch ${id} is still ${batch.status}; only ended batches can be deleted (cancel it first)`);
    }
    this.batches.delete(id);
    return { id, type: 'message_batch_deleted' };
  }

  /** The results file: one JSON object per line, in request order, no blank lines. */
  results(id: string): string {
    const batch = this.find(id);
    if (batch.status !== 'ended') throw invalid('message_batch_id', `batch ${id} has not finished processing (${batch.status})`);
    return batch.requests.map((request, index) => `${JSON.stringify({ custom_id: request.custom_id, result: batch.results[index] })}\n`).join('');
  }

  clear(): void {
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
  }

  private find(id: string): Batch {
    const batch = this.batches.get(id);
    if (!batch) throw new ApiError(404, 'not_found_error', `message_batch_id: no batch with id ${id}`);
    return batch;
  }

  private schedule(batch: Batch, delayMs: number): void {
    clearTimeout(batch.timer);
    batch.timer = setTimeout(() => this.step(batch), delayMs);
    batch.timer.unref();
  }

  private step(batch: Batch): void {
    if (batch.status === 'ended') return;
    const remaining = batch.requests.length - batch.results.length;
    if (batch.status === 'canceling') return this.end(batch, remaining, { type: 'canceled' });
    if (this.deps.now() >= batch.createdAt + LIFETIME_MS) return this.end(batch, remaining, { type: 'expired' });
    const request = batch.requests[batch.results.length];
    if (request) batch.results.push(this.run(request.params));
    if (batch.results.length === batch.requests.length) return this.end(batch, 0, { type: 'canceled' });
    this.schedule(batch, this.deps.paceMs);
  }

  private run(params: unknown): BatchResult {
    try {
      return { type: 'succeeded', message: this.deps.process(params) };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'api_error', 'Internal server error');
      return { type: 'errored', error: { type: 'error', error: { type: apiError.type, message: apiError.message }, request_id: null } };
    }
  }

  private end(batch: Batch, remaining: number, fill: BatchResult): void {
    for (let i = 0; i < remaining; i++) batch.results.push(fill);
    batch.status = 'ended';
    batch.endedAt = this.deps.now();
  }

  private view(batch: Batch): Record<string, unknown> {
    const ended = batch.status === 'ended';
    const count = (type: BatchResult['type']) => (ended ? batch.results.filter((result) => result.type === type).length : 0);
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: batch.status,
      // Like the real API, counts stay all-processing until the whole batch has ended.
      request_counts: {
        processing: ended ? 0 : batch.requests.length,
        succeeded: count('succeeded'),
        errored: count('errored'),
        canceled: count('canceled'),
        expired: count('expired'),
      },
      created_at: iso(batch.createdAt),
      expires_at: iso(batch.createdAt + LIFETIME_MS),
      ended_at: batch.endedAt === undefined ? null : iso(batch.endedAt),
      cancel_initiated_at: batch.cancelInitiatedAt === undefined ? null : iso(batch.cancelInitiatedAt),
      archived_at: null,
      results_url: ended ? `${this.deps.origin()}/v1/messages/batches/${batch.id}/results` : null,
    };
  }
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
