import type Anthropic from '@anthropic-ai/sdk';
import { runWorkflow } from '../../server/engine/run-workflow';
import { recordRun } from '../../server/runs/record-run';
import type { Store } from '../../server/store/store';
import type { RunStatus } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';

let counter = 0;

/** One run exactly as the server drives it: the engine's events recorded into SQLite (durable first). */
export function recordBenchRun(store: Store, workflow: Workflow, claude: Anthropic): Promise<RunStatus> {
  const id = `run_bench_${process.pid}_${++counter}`;
  const events = runWorkflow(workflow, {}, { claude, runId: id });
  return recordRun(store, { id, workflowId: workflow.id, workflowJson: JSON.stringify(workflow), input: {}, createdAt: Date.now() }, events);
}
