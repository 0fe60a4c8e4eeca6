import { loadWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import { validateRunInput } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';
import { findRunIssues, type EngineEnvironment } from '../environment';
import type { Store } from '../store/store';
import { RunError } from './run-error';

/** The parts of a request body that say what to run: `{workflowId | workflow, input | sample}`. */
export interface RunRequest {
  workflowId?: unknown;
  workflow?: unknown;
  input?: unknown;
  sample?: unknown;
}

export interface RunRequestContext {
  store: Store;
  environment: EngineEnvironment;
}

/**
 * The workflow a request names, checked whole: exactly one of `workflowId` (stored) or `workflow`
 * (inline, e.g. the unsaved canvas), valid, and runnable in this environment (its MCP servers
 * configured, its secrets granted). Used by runs, the estimate and datasets alike, so a workflow
 * one of them refuses is refused by all, with the same error. Throws RunError.
 */
export function resolveRunWorkflow(request: RunRequest, context: RunRequestContext): Workflow {
  const { workflowId, workflow } = request;
  if ((workflowId === undefined) === (workflow === undefined)) {
    throw new RunError('invalid_request', 'Give exactly one of "workflowId" (a stored workflow) or "workflow" (an inline workflow).');
  }
  let document: unknown = workflow;
  if (workflowId !== undefined) {
    if (typeof workflowId !== 'string') throw new RunError('invalid_request', '"workflowId" must be a string.');
    const stored = context.store.workflows.get(workflowId);
    if (!stored) throw new RunError('not_found', `No workflow with id "${workflowId}".`);
    document = JSON.parse(stored.json) as unknown;
  }
  const checked = loadWorkflow(document, { models: context.environment.models.current() });
  if (!checked.valid || !checked.workflow) {
    throw new RunError('invalid_workflow', `The workflow is invalid: ${checked.errors[0]?.message ?? 'unknown error'}`, { errors: checked.errors, warnings: checked.warnings });
  }
  const issues = findRunIssues(context.environment, checked.workflow);
  if (issues.length > 0) throw new RunError('invalid_workflow', `The workflow cannot run on this server: ${issues[0]?.message}`, { errors: issues });
  return checked.workflow;
}

/** `input`, or the named `sample`, or `{}`; checked against the workflow's inputs schema. Throws RunError. */
export function resolveRunInput(workflow: Workflow, request: RunRequest): Json {
  if (request.input !== undefined && request.sample !== undefined) throw new RunError('invalid_request', 'Give "input" or "sample", not both.');
  let input: unknown = request.input ?? {};
  if (request.sample !== undefined) {
    const sample = workflow.samples?.find((candidate) => candidate.name === request.sample);
    if (!sample) {
      const names = (workflow.samples ?? []).map((candidate) => `"${candidate.name}"`).join(', ') || 'none';
      throw new RunError('invalid_input', `Workflow "${workflow.id}" has no sample named ${JSON.stringify(request.sample)} (samples: ${names}).`);
    }
    input = sample.input;
  }
  const issues = validateRunInput(workflow, input);
  if (issues.length > 0) throw new RunError('invalid_input', `The run input is invalid: ${issues[0]?.message ?? 'unknown error'}`, { errors: issues });
  return input as Json;
}

/** Both halves: what every route that runs or prices one run calls before doing anything. */
export function resolveRunRequest(request: RunRequest, context: RunRequestContext): { workflow: Workflow; input: Json } {
  const workflow = resolveRunWorkflow(request, context);
  return { workflow, input: resolveRunInput(workflow, request) };
}
