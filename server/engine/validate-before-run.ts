import type { ModelCatalog } from '../../shared/claude-models';
import type { Json } from '../../shared/json-schema';
import type { TraceError } from '../../shared/trace-events';
import { validateRunInput, validateWorkflow, type WorkflowIssue } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';

const SHOWN_ISSUES = 5;

/**
 * The engine's own gate: callers validate first, but no caller can bypass it. Returns the
 * `validation_error` the run fails with, or undefined when the workflow and input are fine.
 * Warnings never block a run.
 */
export function validateBeforeRun(workflow: Workflow, input: Json, models: ModelCatalog): TraceError | undefined {
  // The same catalogue the run's requests are built from, so the gate and the engine agree.
  const result = validateWorkflow(workflow, { models, knownModels: models.list().map((model) => model.id) });
  if (result.errors.length > 0) return { type: 'validation_error', message: `Invalid workflow: ${summarise(result.errors)}` };
  const inputIssues = validateRunInput(workflow, input);
  if (inputIssues.length > 0) return { type: 'validation_error', message: `Invalid run input: ${summarise(inputIssues)}` };
  return undefined;
}

function summarise(issues: readonly WorkflowIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${issue.path || '/'} ${issue.message} [${issue.rule}]`);
  const more = issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '';
  return `${shown.join('; ')}${more}`;
}
