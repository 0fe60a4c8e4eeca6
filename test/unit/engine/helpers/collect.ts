import type { Json } from '../../../../shared/json-schema';
import type { TraceEvent } from '../../../../shared/trace-events';
import type { Workflow } from '../../../../shared/workflow-types';
import { runWorkflow } from '../../../../server/engine/run-workflow';
import type { EngineDeps } from '../../../../server/engine/types';

export async function collect(workflow: Workflow, input: Json, deps: Omit<EngineDeps, 'runId'> & { runId?: string }): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, input, { runId: 'run_test', ...deps })) events.push(event);
  return events;
}

export function ofType<T extends TraceEvent['type']>(events: TraceEvent[], type: T): Extract<TraceEvent, { type: T }>[] {
  return events.filter((event): event is Extract<TraceEvent, { type: T }> => event.type === type);
}

export function terminal(events: TraceEvent[]): TraceEvent {
  return events[events.length - 1] as TraceEvent;
}
