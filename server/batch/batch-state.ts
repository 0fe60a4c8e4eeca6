import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** A batch result line's `result`, as the API returns it. */
export type StoredResult =
  | { type: 'succeeded'; message: unknown }
  | { type: 'errored'; error: { type?: string; error?: { type?: string; message?: string } } }
  | { type: 'canceled' }
  | { type: 'expired' };

export interface StoredBatch {
  id: string;
  layer: number;
  /** Request keys (`custom_id:paramsHash`) in the order submitted; custom_id alone is the first part. */
  keys: string[];
  status: 'submitted' | 'ended';
}

interface StateFile {
  version: 1;
  /** Hash of the workflow and the dataset: a state file never resumes a different job. */
  fingerprint: string;
  batches: StoredBatch[];
  /** Finished results by request key. */
  results: Record<string, StoredResult>;
}

/**
 * The resume file of a batch run: every batch id as soon as it is created and every result as soon
 * as its batch ends. Re-running with the same file answers finished requests from it, re-polls
 * submitted batches, and submits only what was never sent. Written atomically (temp + rename) so
 * an interruption mid-write leaves the previous version.
 */
export class BatchState {
  private constructor(
    private readonly path: string | undefined,
    private readonly data: StateFile,
  ) {}

  static open(path: string | undefined, fingerprint: string): BatchState {
    if (!path || !existsSync(path)) return new BatchState(path, { version: 1, fingerprint, batches: [], results: {} });
    let data: StateFile;
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
    } catch (error) {
      throw new Error(`${path}: not a batch state file (${(error as Error).message})`);
    }
    if (data.version !== 1 || !Array.isArray(data.batches) || typeof data.results !== 'object') throw new Error(`${path}: not a batch state file (version ${String(data.version)})`);
    if (data.fingerprint !== fingerprint) {
      throw new Error(`${path}: this state file belongs to a different workflow or dataset; use another --state file or delete it to start over`);
    }
    return new BatchState(path, data);
  }

  result(key: string): StoredResult | undefined {
    return this.data.results[key];
  }

  /** The submitted, unfinished batch holding this request, if any. */
  openBatchOf(key: string): StoredBatch | undefined {
    return this.data.batches.find((batch) => batch.status === 'submitted' && batch.keys.includes(key));
  }

  get batches(): readonly StoredBatch[] {
    return this.data.batches;
  }

  addBatch(batch: StoredBatch): void {
    this.data.batches.push(batch);
    this.save();
  }

  /** A batch the API no longer knows: its requests count as never sent. */
  forgetBatch(id: string): void {
    this.data.batches = this.data.batches.filter((batch) => batch.id !== id);
    this.save();
  }

  finishBatch(id: string, results: Record<string, StoredResult>): void {
    const batch = this.data.batches.find((candidate) => candidate.id === id);
    if (batch) batch.status = 'ended';
    Object.assign(this.data.results, results);
    this.save();
  }

  private save(): void {
    if (!this.path) return;
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data));
    renameSync(temp, this.path);
  }
}
