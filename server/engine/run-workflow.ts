import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';
import { EventQueue } from './event-queue';
import { RunExecution } from './run-execution';
import type { EngineDeps } from './types';

/**
 * Runs a workflow and yields its trace events, ending after exactly one terminal event
 * (`run.completed` | `run.failed` | `run.canceled`). Stopping the iteration early cancels the run.
 */
export function runWorkflow(workflow: Workflow, input: Json, deps: EngineDeps): AsyncIterable<TraceEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      const queue = new EventQueue<TraceEvent>();
      const execution = new RunExecution(workflow, input, deps, queue.push);
      let finished = false;
      const done = execution.execute().then(
        () => queue.close(),
        (error: unknown) => queue.fail(error),
      );
      try {
        for await (const event of queue) {
          if (event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.canceled') finished = true;
          yield event;
        }
      } finally {
        if (!finished) {
          execution.abort('The consumer stopped reading the run.');
          await done;
        }
      }
    },
  };
}
