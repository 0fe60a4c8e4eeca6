import type { Database, Statement } from 'better-sqlite3';
import type { Json } from '../../shared/json-schema';
import type { StopReason, TraceError } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { NodeType } from '../../shared/workflow-types';
import type { NodeCompletion, StoredNodeResult, StoredNodeStatus } from './stored-types';

interface NodeResultRow {
  run_id: string;
  node_id: string;
  status: StoredNodeStatus;
  node_type: NodeType | null;
  attempt: number;
  output_json: string | null;
  usage_json: string | null;
  cost_usd: number | null;
  model: string | null;
  stop_reason: StopReason | null;
  warnings_json: string | null;
  error_json: string | null;
  skip_reason: string | null;
  started_at: number | null;
  ended_at: number | null;
  duration_ms: number | null;
}

const parseOrNull = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function fromRow(row: NodeResultRow): StoredNodeResult {
  return {
    runId: row.run_id,
    nodeId: row.node_id,
    status: row.status,
    nodeType: row.node_type,
    attempt: row.attempt,
    output: parseOrNull<Json>(row.output_json),
    usage: parseOrNull<Usage>(row.usage_json),
    costUsd: row.cost_usd,
    model: row.model,
    stopReason: row.stop_reason,
    warnings: parseOrNull<string[]>(row.warnings_json),
    error: parseOrNull<TraceError>(row.error_json),
    skipReason: row.skip_reason,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
  };
}

/** One row per (run, node): the node's latest state; final once it completed, failed or was skipped. */
export class NodeResultTable {
  private readonly upsertStarted: Statement<[string, string, string, number, number]>;
  private readonly upsertCompleted: Statement<Record<string, unknown>[]>;
  private readonly upsertFailed: Statement<[string, string, string, number, number]>;
  private readonly upsertSkipped: Statement<[string, string, string, number]>;
  private readonly selectOfRun: Statement<[string], NodeResultRow>;
  private readonly countAll: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.upsertStarted = db.prepare(`INSERT INTO node_results (run_id, node_id, status, node_type, attempt, started_at)
      VALUES (?, ?, 'running', ?, ?, ?)
      ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'running', node_type = excluded.node_type, attempt = excluded.attempt,
        started_at = excluded.started_at, output_json = NULL, error_json = NULL, ended_at = NULL, duration_ms = NULL`);
    this.upsertCompleted = db.prepare(`INSERT INTO node_results (run_id, node_id, status, output_json, usage_json, cost_usd, model, stop_reason, warnings_json, ended_at, duration_ms)
      VALUES (@run_id, @node_id, 'completed', @output_json, @usage_json, @cost_usd, @model, @stop_reason, @warnings_json, @ended_at, @duration_ms)
      ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'completed', output_json = excluded.output_json, usage_json = excluded.usage_json,
        cost_usd = excluded.cost_usd, model = excluded.model, stop_reason = excluded.stop_reason, warnings_json = excluded.warnings_json,
        error_json = NULL, ended_at = excluded.ended_at, duration_ms = excluded.duration_ms`);
    this.upsertFailed = db.prepare(`INSERT INTO node_results (run_id, node_id, status, error_json, ended_at, duration_ms)
      VALUES (?, ?, 'failed', ?, ?, ?)
      ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'failed', error_json = excluded.error_json, ended_at = excluded.ended_at, duration_ms = excluded.duration_ms`);
    this.upsertSkipped = db.prepare(`INSERT INTO node_results (run_id, node_id, status, skip_reason, ended_at)
      VALUES (?, ?, 'skipped', ?, ?)
      ON CONFLICT (run_id, node_id) DO UPDATE SET status = 'skipped', skip_reason = excluded.skip_reason, ended_at = excluded.ended_at`);
    // Nodes that start in the same millisecond are listed in workflow file order (as the scheduler
    // breaks ties), not by id: a run's detail must read the same however fast the machine is.
    this.selectOfRun = db.prepare(`SELECT node_results.* FROM node_results JOIN runs ON runs.id = node_results.run_id
      WHERE node_results.run_id = ?
      ORDER BY COALESCE(node_results.started_at, node_results.ended_at),
        (SELECT CAST(nodes.key AS INTEGER) FROM json_each(runs.workflow_json, '$.nodes') AS nodes WHERE json_extract(nodes.value, '$.id') = node_results.node_id),
        node_results.node_id`);
    this.countAll = db.prepare('SELECT COUNT(*) AS n FROM node_results');
  }

  started(runId: string, nodeId: string, nodeType: NodeType, attempt: number, ts: number): void {
    this.upsertStarted.run(runId, nodeId, nodeType, attempt, ts);
  }

  completed(runId: string, nodeId: string, data: NodeCompletion, ts: number): void {
    this.upsertCompleted.run({
      run_id: runId,
      node_id: nodeId,
      output_json: JSON.stringify(data.output),
      usage_json: data.usage === undefined ? null : JSON.stringify(data.usage),
      cost_usd: data.cost_usd ?? null,
      model: data.model ?? null,
      stop_reason: data.stop_reason ?? null,
      warnings_json: data.warnings === undefined ? null : JSON.stringify(data.warnings),
      ended_at: ts,
      duration_ms: data.duration_ms,
    });
  }

  failed(runId: string, nodeId: string, error: TraceError, durationMs: number, ts: number): void {
    this.upsertFailed.run(runId, nodeId, JSON.stringify(error), ts, durationMs);
  }

  skipped(runId: string, nodeId: string, reason: string, ts: number): void {
    this.upsertSkipped.run(runId, nodeId, reason, ts);
  }

  ofRun(runId: string): StoredNodeResult[] {
    return this.selectOfRun.all(runId).map(fromRow);
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
