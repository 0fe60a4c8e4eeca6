import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { runMigrations } from './run-migrations';
import { Store } from './store';

export interface StoreOptions {
  /** fsync on every commit (`synchronous=FULL`): survives power loss, costs throughput. */
  durable?: boolean;
  /** How long a writer waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite file at `path`, or an in-memory database for `:memory:`,
 * and migrates it to the newest schema.
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses at most the last commits on power loss, never consistency.
    db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    runMigrations(db);
    return new Store(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
}
