import { loadWorkflow } from '../../../shared/format';
import { validateRunInput, validateWorkflow, type ValidationResult, type WorkflowIssue } from '../../../shared/validate-workflow';
import { interpretedSchemaChecker } from '../../../shared/validation/interpreted-schema-checker';
import type { Workflow } from '../../../shared/workflow-types';
import { catalogFromProfiles, factsCatalog } from '../../../shared/claude-models/model-catalog';
import { appStore } from '../store/use-app-store';

/**
 * The shared validator, run in the page. The server's Content-Security-Policy forbids code
 * generation ('unsafe-eval'), so nothing here may compile a schema: the workflow schema and the
 * JSON Schema meta-schema are precompiled at build time (shared/validation/generated), and the
 * schemas users write into a workflow are interpreted (interpretedSchemaChecker). No edit asks the
 * server; the server validates again whenever it saves or runs.
 */
const LOCAL = { schemas: interpretedSchemaChecker } as const;

/** The server's catalogue as /api/models reported it; the facts table until that answer arrives. */
function serverCatalog() {
  const models = appStore.getState().models;
  return models.length > 0 ? catalogFromProfiles(models) : factsCatalog();
}

export function validateDocument(document: Workflow): Pick<ValidationResult, 'errors' | 'warnings'> {
  return validateWorkflow(document, { ...LOCAL, models: serverCatalog() });
}

/** An imported file's text → the upgraded workflow, or its issues. Never partially accepts a file. */
export function loadWorkflowFile(text: string): ValidationResult {
  return loadWorkflow(text, { ...LOCAL, models: serverCatalog() });
}

/**
 * Issues of a run input against the workflow's `inputs`; null when the page cannot tell (an
 * `inputs` schema using a keyword the interpreter lacks): the server checks it when the run starts.
 */
export function checkRunInput(workflow: Workflow, input: unknown): WorkflowIssue[] | null {
  return validateRunInput(workflow, input, interpretedSchemaChecker);
}
