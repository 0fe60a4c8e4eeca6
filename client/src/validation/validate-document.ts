import { loadWorkflow, parseWorkflowText } from '../../../shared/format';
import { validateRunInput, validateWorkflow, type ValidationResult, type WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { api } from '../api/api';
import type { CanvasModelCatalog } from '../models/canvas-model-catalog';

/**
 * The shared validator runs in the browser, but ajv compiles schemas into functions, which a
 * Content-Security-Policy without 'unsafe-eval' (the one the server sends) forbids. The validator
 * then reports `validator.internal`; from that moment the same shared validator is asked through
 * `POST /api/workflows/validate` instead, so the canvas shows identical issues either way.
 */
let localValidatorBlocked = false;
let policyKnown = false;

/**
 * Reads the policy the page was served with, so the blocked path is known before the first
 * validation (a blocked ajv compile also logs a long error to the console).
 */
const policyChecked: Promise<void> = (async () => {
  try {
    const response = await fetch(location.pathname, { method: 'HEAD' });
    const policy = response.headers.get('content-security-policy');
    if (policy && forbidsEval(policy)) localValidatorBlocked = true;
  } catch {
    // No answer: the first validation finds out the hard way.
  }
  policyKnown = true;
})();

function forbidsEval(policy: string): boolean {
  const directives = new Map(policy.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name.toLowerCase(), sources] as const;
  }));
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  return scripts !== undefined && !scripts.includes("'unsafe-eval'");
}

function blocked(issues: readonly WorkflowIssue[]): boolean {
  return issues.some((issue) => issue.rule === 'validator.internal');
}

/** `models`: what the pickers offer is what the validator checks against (the server uses its own catalogue). */
export async function validateDocument(document: Workflow, models: CanvasModelCatalog, signal?: AbortSignal): Promise<Pick<ValidationResult, 'errors' | 'warnings'>> {
  await policyChecked;
  if (!localValidatorBlocked) {
    const result = validateWorkflow(document, { models: models.catalog });
    if (!blocked(result.errors)) return result;
    localValidatorBlocked = true;
  }
  return api.validateWorkflow(document, signal);
}

/** An imported file's text → the upgraded workflow, or its issues. Never partially accepts a file. */
export async function loadWorkflowFile(text: string): Promise<ValidationResult> {
  await policyChecked;
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
  if (localValidatorBlocked || !policyKnown) return null;
  try {
    return validateRunInput(workflow, input);
  } catch {
    localValidatorBlocked = true;
    return null;
  }
}
