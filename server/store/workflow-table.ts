import type { Database, Statement } from 'better-sqlite3';
import type { StoredWorkflow, WorkflowSummary } from './stored-types';

interface WorkflowRow {
  id: string;
  name: string;
  json: string;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: WorkflowRow): StoredWorkflow => ({ id: row.id, name: row.name, json: row.json, createdAt: row.created_at, updatedAt: row.updated_at });

/** The stored workflows (the library shown in the UI). Statements are prepared once. */
export class WorkflowTable {
  private readonly selectAll: Statement<[], WorkflowRow>;
  private readonly selectOne: Statement<[string], WorkflowRow>;
  private readonly insertOne: Statement<[string, string, string, number, number]>;
  private readonly updateOne: Statement<[string, string, number, string]>;
  private readonly deleteOne: Statement<[string]>;
  private readonly countAll: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.selectAll = db.prepare('SELECT id, name, json, created_at, updated_at FROM workflows ORDER BY name COLLATE NOCASE, id');
    this.selectOne = db.prepare('SELECT id, name, json, created_at, updated_at FROM workflows WHERE id = ?');
    this.insertOne = db.prepare('INSERT INTO workflows (id, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.updateOne = db.prepare('UPDATE workflows SET name = ?, json = ?, updated_at = ? WHERE id = ?');
    this.deleteOne = db.prepare('DELETE FROM workflows WHERE id = ?');
    this.countAll = db.prepare('SELECT COUNT(*) AS n FROM workflows');
  }

  list(): WorkflowSummary[] {
    return this.selectAll.all().map(({ id, name, created_at, updated_at }) => ({ id, name, createdAt: created_at, updatedAt: updated_at }));
  }

  get(id: string): StoredWorkflow | undefined {
    const row = this.selectOne.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Returns false when a workflow with this id already exists. */
  insert(workflow: { id: string; name: string; json: string }, now: number): boolean {
    if (this.selectOne.get(workflow.id)) return false;
    this.insertOne.run(workflow.id, workflow.name, workflow.json, now, now);
    return true;
  }

  /** Returns false when there is no such workflow. */
  update(workflow: { id: string; name: string; json: string }, now: number): boolean {
    return this.updateOne.run(workflow.name, workflow.json, now, workflow.id).changes > 0;
  }

  delete(id: string): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
