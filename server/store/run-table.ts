import type { Database, Statement } from 'better-sqlite3';
import type { Json } from '../../shared/json-schema';
import type { RunStatus, RunTotals, TraceError } from '../../shared/trace-events';
import type { NewRun, StoredRun } from './stored-types';

interface RunRow {
  id: string;
  workflow_id: string;
  workflow_json: string;
  input_json: string;
  status: RunStatus;
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cost_usd: number;
  cost_known: number;
  duration_ms: number | null;
  outputs_json: string | null;
  error_json: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
}

const parseOrNull = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function fromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    workflowJson: row.workflow_json,
    input: JSON.parse(row.input_json) as Json,
    status: row.status,
    usage: {
      input_tokens: row.input_tokens,
      output_tokens: row.output_tokens,
      cache_creation_input_tokens: row.cache_creation_input_tokens,
      cache_read_input_tokens: row.cache_read_input_tokens,
    },
    costUsd: row.cost_known === 0 ? null : row.cost_usd,
    durationMs: row.duration_ms,
    outputs: parseOrNull(row.outputs_json),
    error: parseOrNull(row.error_json),
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
  };
}

export interface RunEnding {
  status: Exclude<RunStatus, 'running' | 'interrupted'>;
  totals: RunTotals;
  outputs?: { [outputNodeId: string]: Json };
  error?: TraceError;
  endedAt: number;
}

/** Runs: one row per run, updated in place as it moves between states. */
export class RunTable {
  private readonly insertOne: Statement<[string, string, string, string, number, number]>;
  private readonly selectOne: Statement<[string], RunRow>;
  private readonly selectRecent: Statement<[number], RunRow>;
  private readonly selectRecentOfWorkflow: Statement<[string, number], RunRow>;
  private readonly finishOne: Statement<Record<string, unknown>[]>;
  private readonly restartOne: Statement<[number, string]>;
  private readonly selectLiveIds: Statement<[], { id: string }>;
  private readonly interruptOne: Statement<[string, number, string]>;
  private readonly countAll: Statement<[], { n: number }>;

  constructor(db: Database) {
    const columns = 'id, workflow_id, workflow_json, input_json, status, input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens, cost_usd, cost_known, duration_ms, outputs_json, error_json, note, created_at, updated_at, ended_at';
    this.insertOne = db.prepare(`INSERT INTO runs (id, workflow_id, workflow_json, input_json, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'running', ?, ?)`);
    this.selectOne = db.prepare(`SELECT ${columns} FROM runs WHERE id = ?`);
    // rowid breaks ties between runs created in the same millisecond, keeping "newest first" exact.
    this.selectRecent = db.prepare(`SELECT ${columns} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?`);
    this.selectRecentOfWorkflow = db.prepare(`SELECT ${columns} FROM runs WHERE workflow_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`);
    this.finishOne = db.prepare(`UPDATE runs SET status = @status, input_tokens = @input_tokens, output_tokens = @output_tokens,
      cache_creation_input_tokens = @cache_creation_input_tokens, cache_read_input_tokens = @cache_read_input_tokens,
      cost_usd = @cost_usd, cost_known = @cost_known, duration_ms = @duration_ms, outputs_json = @outputs_json, error_json = @error_json,
      updated_at = @ended_at, ended_at = @ended_at WHERE id = @id`);
    this.restartOne = db.prepare(`UPDATE runs SET status = 'running', error_json = NULL, note = NULL, ended_at = NULL, updated_at = ? WHERE id = ?`);
    this.selectLiveIds = db.prepare(`SELECT id FROM runs WHERE status = 'running'`);
    this.interruptOne = db.prepare(`UPDATE runs SET status = 'interrupted', note = ?, updated_at = ? WHERE id = ?`);
    this.countAll = db.prepare('SELECT COUNT(*) AS n FROM runs');
  }

  insert(run: NewRun): void {
    this.insertOne.run(run.id, run.workflowId, run.workflowJson, JSON.stringify(run.input), run.createdAt, run.createdAt);
  }

  get(id: string): StoredRun | undefined {
    const row = this.selectOne.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Newest first. */
  list(options: { workflowId?: string; limit: number }): StoredRun[] {
    const rows = options.workflowId === undefined ? this.selectRecent.all(options.limit) : this.selectRecentOfWorkflow.all(options.workflowId, options.limit);
    return rows.map(fromRow);
  }

  finish(id: string, ending: RunEnding): void {
    this.finishOne.run({
      id,
      status: ending.status,
      ...ending.totals.usage,
      cost_usd: ending.totals.cost_usd ?? 0,
      cost_known: ending.totals.cost_usd === null ? 0 : 1,
      duration_ms: ending.totals.duration_ms,
      outputs_json: ending.outputs === undefined ? null : JSON.stringify(ending.outputs),
      error_json: ending.error === undefined ? null : JSON.stringify(ending.error),
      ended_at: ending.endedAt,
    });
  }

  /** A resumed run is live again; its earlier ending is cleared. */
  restart(id: string, now: number): void {
    this.restartOne.run(now, id);
  }

  /** Runs whose row says `running`: at start-up, those a dead process left behind. */
  liveIds(): string[] {
    return this.selectLiveIds.all().map((row) => row.id);
  }

  /** A run the process stopped mid-way (`run.interrupted`): resumable later. */
  interrupt(id: string, note: string, now: number): void {
    this.interruptOne.run(note, now, id);
  }
  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
