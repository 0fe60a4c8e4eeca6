import type Anthropic from '@anthropic-ai/sdk';
import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import type { EngineDeps } from '../engine/types';
import { applyRowEvent, interruptedRow, type RowOutcome } from './row-outcome';

// Kept for importers from before RowOutcome had its own file (server/batch-jobs).
export type { RowOutcome } from './row-outcome';

export interface RowRunOptions {
  workflow: Workflow;
  input: Json;
  runId: string;
  /** The client a node's Claude calls go through: batch mode routes each node to the collector. */
  claudeFor: (nodeId: string) => Anthropic;
  signal: AbortSignal;
  deps: Omit<EngineDeps, 'claude' | 'claudeFor' | 'runId' | 'signal'>;
  /** Receives the row's trace events for recording; the terminal event carries `totals()`. */
  trace?: { sink: (event: TraceEvent) => void; totals: () => { usage: Usage; cost_usd: number | null } };
}

/**
 * One dataset row through `runWorkflow` itself (the engine's scheduler, node runners, retries and
 * failure policy); only its Messages requests are routed per node through `claudeFor`.
 */
export async function runRow(options: RowRunOptions): Promise<RowOutcome> {
  const outcome = interruptedRow();
  const deps: EngineDeps = {
    ...options.deps,
    // Every node's requests go through claudeFor; `claude` is only the required fallback.
    claude: options.claudeFor('input'),
    claudeFor: options.claudeFor,
    runId: options.runId,
    signal: options.signal,
    // A batch result arrives whole: there is nothing to coalesce.
    deltaFlushMs: 0,
  };
  for await (const event of runWorkflow(options.workflow, options.input, deps)) {
    applyRowEvent(outcome, event);
    options.trace?.sink(options.trace && isTerminal(event) ? withTotals(event, options.trace.totals()) : event);
  }
  return outcome;
}

type TerminalEvent = Extract<TraceEvent, { type: 'run.completed' | 'run.failed' | 'run.canceled' }>;

function isTerminal(event: TraceEvent): event is TerminalEvent {
  return event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.canceled';
}

/** The engine prices calls at realtime rates; a recorded row's totals are what the batch billed. */
function withTotals(event: TerminalEvent, totals: { usage: Usage; cost_usd: number | null }): TraceEvent {
  return { ...event, data: { ...event.data, usage: totals.usage, cost_usd: totals.cost_usd } } as TraceEvent;
}
