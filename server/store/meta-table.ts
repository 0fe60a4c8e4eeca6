import type { Database, Statement } from 'better-sqlite3';

/** Key/value facts about the database (not user data). */
export class MetaTable {
  private readonly selectOne: Statement<[string], { value: string }>;
  private readonly upsertOne: Statement<[string, string]>;

  constructor(db: Database) {
    this.selectOne = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.upsertOne = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | undefined {
    return this.selectOne.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.upsertOne.run(key, value);
  }
}
