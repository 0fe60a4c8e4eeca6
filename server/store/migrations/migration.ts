import type { Database } from 'better-sqlite3';

/** One schema change. Versions are dense (1, 2, 3, …) and a shipped migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
