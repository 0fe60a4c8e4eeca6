import type { Migration } from '../migration';
import { migrateV0ToV1 } from './v0-to-v1';

/** `MIGRATIONS[n]` upgrades format version n to n + 1; the last one ends at CURRENT_FORMAT_VERSION. */
export const MIGRATIONS: readonly Migration[] = [migrateV0ToV1];
