import type { Workflow } from '../../shared/workflow-types';
import type { StoredRun } from '../store/stored-types';

/** A run as the API shows it; the workflow snapshot only on the single-run endpoint. */
export function runView(run: StoredRun, withWorkflow: boolean): Record<string, unknown> {
  const { workflowJson, ...rest } = run;
  const workflow = JSON.parse(workflowJson) as Workflow;
  return withWorkflow ? { ...rest, workflowName: workflow.name, workflow } : { ...rest, workflowName: workflow.name };
}
