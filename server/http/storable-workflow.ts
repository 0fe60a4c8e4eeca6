import { loadWorkflow, migrateWorkflow } from '../../shared/format';
import type { ModelCatalog } from '../../shared/claude-models/model-catalog';
import { checkStructure } from '../../shared/validation/check-structure';
import { WORKFLOW_ID_PATTERN } from '../../shared/validation/build-workflow-schema';
import type { WorkflowIssue } from '../../shared/validation/workflow-issue';
import type { Workflow } from '../../shared/workflow-types';
import { HttpError } from './http-error';

export interface StorableWorkflow {
  workflow: Workflow;
  /** False for half-built work saved with its errors: stored and listed as invalid, and every run of it is refused. */
  valid: boolean;
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
}

const ID = new RegExp(WORKFLOW_ID_PATTERN);

/**
 * What a save may store. A valid workflow, of course; but also one with validation errors, so
 * half-built work can be kept (issue 13) — as long as it is plain, bounded JSON in the current
 * format with a usable id, name, nodes and edges, the parts the store, the list and the canvas
 * rely on. Runs re-validate what they load, so storing an invalid document never runs it.
 * Throws 400 with the issues for anything else.
 */
export function storableWorkflow(document: unknown, models: ModelCatalog): StorableWorkflow {
  const result = loadWorkflow(document, { models });
  if (result.valid && result.workflow) return { workflow: result.workflow, valid: true, errors: [], warnings: result.warnings };
  const refuse = (why: string) => new HttpError(400, 'invalid_workflow', `The workflow cannot be stored: ${why}`, { errors: result.errors, warnings: result.warnings });
  if (checkStructure(document).length > 0) throw refuse(result.errors[0]?.message ?? 'it is not plain JSON within the size limits.');
  const migrated = migrateWorkflow(document);
  if (migrated.issues.some((issue) => issue.severity === 'error')) throw refuse(result.errors[0]?.message ?? 'its format version is not supported.');
  const candidate = migrated.document as Partial<Record<keyof Workflow, unknown>>;
  if (typeof candidate.id !== 'string' || !ID.test(candidate.id)) throw refuse('it needs an id of lowercase letters, digits, _ and - (at most 64).');
  if (typeof candidate.name !== 'string') throw refuse('it needs a name.');
  if (!Array.isArray(candidate.nodes) || !Array.isArray(candidate.edges)) throw refuse('it needs "nodes" and "edges" arrays.');
  return { workflow: candidate as Workflow, valid: false, errors: result.errors, warnings: result.warnings };
}
