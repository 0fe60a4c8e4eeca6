import type { Migration } from './migration';

/**
 * Workflows, runs, per-node results and the append-only event log. Runs keep a snapshot of the
 * workflow they ran (the stored workflow may be edited or deleted later), so `workflow_id` is
 * deliberately not a foreign key.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE workflows (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        workflow_id TEXT NOT NULL,
        workflow_json TEXT NOT NULL,
        input_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'canceled', 'interrupted')),
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cache_creation_input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_input_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        duration_ms INTEGER,
        outputs_json TEXT,
        error_json TEXT,
        note TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE INDEX runs_by_workflow ON runs (workflow_id, created_at);
      CREATE INDEX runs_by_status ON runs (status);

      CREATE TABLE node_results (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'skipped')),
        node_type TEXT,
        attempt INTEGER NOT NULL DEFAULT 1,
        output_json TEXT,
        usage_json TEXT,
        cost_usd REAL,
        model TEXT,
        stop_reason TEXT,
        warnings_json TEXT,
        error_json TEXT,
        skip_reason TEXT,
        started_at INTEGER,
        ended_at INTEGER,
        duration_ms INTEGER,
        PRIMARY KEY (run_id, node_id)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        node_id TEXT,
        ts INTEGER NOT NULL,
        data_json TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `);
  },
};
