import type { Database, Statement } from 'better-sqlite3';
import type { TraceEvent } from '../../shared/trace-events';

interface EventRow {
  run_id: string;
  seq: number;
  type: string;
  node_id: string | null;
  ts: number;
  data_json: string;
}

function fromRow(row: EventRow): TraceEvent {
  const event = { seq: row.seq, ts: row.ts, runId: row.run_id, type: row.type, data: JSON.parse(row.data_json) as unknown } as TraceEvent;
  if (row.node_id !== null) (event as { nodeId?: string }).nodeId = row.node_id;
  return event;
}

/** The append-only event log; (run_id, seq) is the primary key, so a repeated seq is refused. */
export class EventTable {
  private readonly insertOne: Statement<[string, number, string, string | null, number, string]>;
  private readonly selectAfter: Statement<[string, number, number], EventRow>;
  private readonly selectLastSeq: Statement<[string], { seq: number | null }>;
  private readonly countOfRun: Statement<[string], { n: number }>;
  private readonly countAll: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.insertOne = db.prepare('INSERT INTO events (run_id, seq, type, node_id, ts, data_json) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectAfter = db.prepare('SELECT run_id, seq, type, node_id, ts, data_json FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.selectLastSeq = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE run_id = ?');
    this.countOfRun = db.prepare('SELECT COUNT(*) AS n FROM events WHERE run_id = ?');
    this.countAll = db.prepare('SELECT COUNT(*) AS n FROM events');
  }

  /** Callers wrap this in a transaction together with the event's effects (Store.commitEvents). */
  insert(event: TraceEvent): void {
    this.insertOne.run(event.runId, event.seq, event.type, event.nodeId ?? null, event.ts, JSON.stringify(event.data));
  }

  /** Events with seq > `afterSeq`, in order; page with `limit` so a long run is never loaded whole. */
  after(runId: string, afterSeq: number, limit = 1000): TraceEvent[] {
    return this.selectAfter.all(runId, afterSeq, limit).map(fromRow);
  }

  /** 0 when the run has no events. */
  lastSeq(runId: string): number {
    return this.selectLastSeq.get(runId)?.seq ?? 0;
  }

  count(runId?: string): number {
    return (runId === undefined ? this.countAll.get() : this.countOfRun.get(runId))?.n ?? 0;
  }
}
