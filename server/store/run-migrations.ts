import type { Database } from 'better-sqlite3';
import { ALL_MIGRATIONS } from './migrations/all-migrations';
import type { Migration } from './migrations/migration';

/**
 * Brings the database up to the newest schema. Each migration runs in its own transaction together
 * with its `schema_migrations` row, so a crash mid-way leaves the file at a clean earlier version
 * and running this again is a no-op once everything is applied. Returns the versions applied now.
 */
export function runMigrations(db: Database, migrations: readonly Migration[] = ALL_MIGRATIONS, now: () => number = Date.now): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`The database schema is version ${current}, newer than this Trellis (${newest}). Upgrade Trellis or use another --db file.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`);
    if (migration.version <= current) return;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now());
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  });
  return applied;
}
