import type { Migration } from './migration';

/** Small facts about the database itself, e.g. whether the example workflows were seeded. */
export const metaTable: Migration = {
  version: 2,
  name: 'meta table',
  up(db) {
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  },
};
