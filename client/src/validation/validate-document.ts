import { loadWorkflow } from '../../../shared/format';
import { validateRunInput, validateWorkflow, type ValidationResult, type WorkflowIssue } from '../../../shared/validate-workflow';
import { interpretedSchemaChecker } from '../../../shared/validation/interpreted-schema-checker';
import type { Workflow } from '../../../shared/workflow-types';
import type { CanvasModelCatalog } from '../models/canvas-model-catalog';

/**
 * The shared validator, run in the page. The server's Content-Security-Policy forbids code
 * generation ('unsafe-eval'), so nothing here may compile a schema: the workflow schema and the
 * JSON Schema meta-schema are precompiled at build time (shared/validation/generated), and the
 * schemas users write into a workflow are interpreted (interpretedSchemaChecker). No edit asks the
 * server; the server validates again whenever it saves or runs.
 */
const LOCAL = { schemas: interpretedSchemaChecker } as const;

/** `models`: what the pickers offer is what the validator checks against (the server checks again with its own). */
export function validateDocument(document: Workflow, models: CanvasModelCatalog): Pick<ValidationResult, 'errors' | 'warnings'> {
  return validateWorkflow(document, { ...LOCAL, models: models.catalog });
}

/** An imported file's text → the upgraded workflow, or its issues. Never partially accepts a file. */
export function loadWorkflowFile(text: string, models: CanvasModelCatalog): ValidationResult {
  return loadWorkflow(text, { ...LOCAL, models: models.catalog });
}

/**
 * Issues of a run input against the workflow's `inputs`; null when the page cannot tell (an
 * `inputs` schema using a keyword the interpreter lacks): the server checks it when the run starts.
 */
export function checkRunInput(workflow: Workflow, input: unknown): WorkflowIssue[] | null {
  return validateRunInput(workflow, input, interpretedSchemaChecker);
}
