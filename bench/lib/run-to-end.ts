import type Anthropic from '@anthropic-ai/sdk';
import { runWorkflow } from '../../server/engine/run-workflow';
import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';

let runCounter = 0;

/** Drives one engine run to its terminal event and returns it (throws if the run did not complete). */
export async function runToEnd(workflow: Workflow, claude: Anthropic, options: { concurrency?: number; onEvent?: (event: TraceEvent) => void } = {}): Promise<TraceEvent> {
  let last: TraceEvent | undefined;
  for await (const event of runWorkflow(workflow, {}, { claude, runId: `bench_${++runCounter}`, concurrency: options.concurrency })) {
    options.onEvent?.(event);
    last = event;
  }
  if (last?.type !== 'run.completed') throw new Error(`Benchmark run ended with ${last?.type}: ${JSON.stringify(last?.data)}`);
  return last;
}
