import { loadWorkflow, parseWorkflowText } from '../../../shared/format';
import { validateRunInput, validateWorkflow, type ValidationResult, type WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { api } from '../api/api';

/**
 * The shared validator runs in the browser, but ajv compiles schemas into functions, which a
 * Content-Security-Policy without 'unsafe-eval' (the one the server sends) forbids. The validator
 * then reports `validator.internal`; from that moment the same shared validator is asked through
 * `POST /api/workflows/validate` instead, so the canvas shows identical issues either way.
 */
let localValidatorBlocked = false;

function blocked(issues: readonly WorkflowIssue[]): boolean {
  return issues.some((issue) => issue.rule === 'validator.internal');
}

export async function validateDocument(document: Workflow, signal?: AbortSignal): Promise<Pick<ValidationResult, 'errors' | 'warnings'>> {
  if (!localValidatorBlocked) {
    const result = validateWorkflow(document);
    if (!blocked(result.errors)) return result;
    localValidatorBlocked = true;
  }
  return api.validateWorkflow(document, signal);
}

/** An imported file's text → the upgraded workflow, or its issues. Never partially accepts a file. */
export async function loadWorkflowFile(text: string): Promise<ValidationResult> {
  if (!localValidatorBlocked) {
    const result = loadWorkflow(text);
    if (!blocked(result.errors)) return result;
    localValidatorBlocked = true;
  }
  const parsed = parseWorkflowText(text);
  if (!parsed.ok) return { valid: false, errors: [parsed.issue], warnings: [] };
  const answer = await api.validateWorkflow(parsed.value);
  return answer.valid ? { ...answer, workflow: parsed.value as Workflow } : answer;
}

/** Issues of a run input against the workflow's `inputs`; null when only the server can tell. */
export function checkRunInput(workflow: Workflow, input: unknown): WorkflowIssue[] | null {
  if (localValidatorBlocked) return null;
  try {
    return validateRunInput(workflow, input);
  } catch {
    localValidatorBlocked = true;
    return null;
  }
}
