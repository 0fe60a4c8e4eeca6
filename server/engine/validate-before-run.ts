import { Ajv2020 } from 'ajv/dist/2020';
import type { Json } from '../../shared/json-schema';
import type { TraceError } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';

const ajv = new Ajv2020({ allErrors: true, strict: false });

/**
 * The engine's own gate: callers validate first, but no caller can bypass it. Returns the
 * `validation_error` the run fails with, or undefined when the workflow and input are fine.
 */
export function validateBeforeRun(workflow: Workflow, input: Json): TraceError | undefined {
  const check = ajv.compile(workflow.inputs);
  if (!check(input)) {
    const issues = (check.errors ?? []).map((error) => `input${error.instancePath.replaceAll('/', '.')} ${error.message ?? 'is invalid'}`);
    return { type: 'validation_error', message: `Invalid run input: ${issues.join('; ')}` };
  }
  return undefined;
}
