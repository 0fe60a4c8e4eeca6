export { stringifyWorkflow } from './stringify-workflow';
export { loadWorkflow, type LoadOptions } from './load-workflow';
export { migrateWorkflow, type MigrationOutcome } from './migrate-workflow';
export { parseWorkflowText } from './parse-workflow-text';
export { MIGRATIONS } from './migrations';
export type { Migration } from './migration';
