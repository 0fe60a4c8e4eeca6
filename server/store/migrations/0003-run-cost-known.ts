import type { Migration } from './migration';

/**
 * A run on a model whose price is unknown has no total cost. `cost_usd` is NOT NULL from version 1,
 * so the unknown is a flag beside it (0 = "price unknown", never shown as $0).
 */
export const runCostKnown: Migration = {
  version: 3,
  name: 'run cost known',
  up(db) {
    db.exec('ALTER TABLE runs ADD COLUMN cost_known INTEGER NOT NULL DEFAULT 1');
  },
};
