import { initialSchema } from './0001-initial-schema';
import { metaTable } from './0002-meta';
import { runCostKnown } from './0003-run-cost-known';
import type { Migration } from './migration';

/** Every migration in version order; append new ones, never reorder or edit shipped ones. */
export const ALL_MIGRATIONS: readonly Migration[] = [initialSchema, metaTable, runCostKnown];
