export { openStore, type StoreOptions } from './open-store';
export { Store } from './store';
export type { NewRun, StoredNodeResult, StoredRun, StoredWorkflow, WorkflowSummary } from './stored-types';
