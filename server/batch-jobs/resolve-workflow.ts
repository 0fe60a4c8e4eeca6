import type { ModelCatalog } from '../../shared/claude-models/model-catalog';
import { loadWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import { validateRunInput } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';
import { HttpError } from '../http/http-error';
import type { Store } from '../store/store';

/**
 * The workflow a request names: exactly one of `workflowId` (stored) or `workflow` (inline, e.g.
 * the unsaved canvas), validated whole. Anything else is a 400/404 before any work starts.
 */
export function resolveWorkflow(store: Store, body: { workflowId?: unknown; workflow?: unknown }, models?: ModelCatalog): Workflow {
  const { workflowId, workflow } = body;
  if ((workflowId === undefined) === (workflow === undefined)) {
    throw new HttpError(400, 'invalid_request', 'Give exactly one of "workflowId" (a stored workflow) or "workflow" (an inline workflow).');
  }
  let document: unknown = workflow;
  if (workflowId !== undefined) {
    if (typeof workflowId !== 'string') throw new HttpError(400, 'invalid_request', '"workflowId" must be a string.');
    const stored = store.workflows.get(workflowId);
    if (!stored) throw new HttpError(404, 'not_found', `No workflow with id "${workflowId}".`);
    document = JSON.parse(stored.json) as unknown;
  }
  // The server's catalogue when given (live capabilities with a key), else the facts table.
  const checked = loadWorkflow(document, models ? { models } : {});
  if (!checked.valid || !checked.workflow) {
    throw new HttpError(400, 'invalid_workflow', `The workflow is invalid: ${checked.errors[0]?.message ?? 'unknown error'}`, { errors: checked.errors, warnings: checked.warnings });
  }
  return checked.workflow;
}

/** `input`, or the named `sample`, or `{}`; checked against the workflow's inputs schema. */
export function resolveInput(workflow: Workflow, body: { input?: unknown; sample?: unknown }): Json {
  if (body.input !== undefined && body.sample !== undefined) throw new HttpError(400, 'invalid_request', 'Give "input" or "sample", not both.');
  let input: unknown = body.input ?? {};
  if (body.sample !== undefined) {
    const sample = workflow.samples?.find((candidate) => candidate.name === body.sample);
    if (!sample) {
      const names = (workflow.samples ?? []).map((candidate) => `"${candidate.name}"`).join(', ') || 'none';
      throw new HttpError(400, 'invalid_input', `Workflow "${workflow.id}" has no sample named ${JSON.stringify(body.sample)} (samples: ${names}).`);
    }
    input = sample.input;
  }
  const issues = validateRunInput(workflow, input);
  if (issues.length > 0) throw new HttpError(400, 'invalid_input', `The input is invalid: ${issues[0]?.message ?? 'unknown error'}`, { errors: issues });
  return input as Json;
}
