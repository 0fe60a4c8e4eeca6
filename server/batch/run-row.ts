import type Anthropic from '@anthropic-ai/sdk';
import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { Usage } from '../../shared/usage';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import { engineDepsOf, type EngineEnvironment } from '../environment';
import { applyRowEvent, interruptedRow, type RowOutcome } from './row-outcome';

export interface RowRunOptions {
  workflow: Workflow;
  input: Json;
  runId: string;
  /** The client a node's Claude calls go through: batch mode routes each node to the collector. */
  claudeFor: (nodeId: string) => Anthropic;
  signal: AbortSignal;
  environment: EngineEnvironment;
  /** Nodes of the row at once (the environment's default otherwise). */
  concurrency?: number;
  /** Receives the row's trace events for recording; the terminal event carries `totals()`. */
  trace?: { sink: (event: TraceEvent) => void; totals: () => { usage: Usage; cost_usd: number | null } };
}

/**
 * One dataset row through `runWorkflow` itself (the engine's scheduler, node runners, retries and
 * failure policy); only its Messages requests are routed per node through `claudeFor`.
 */
export async function runRow(options: RowRunOptions): Promise<RowOutcome> {
  const outcome = interruptedRow();
  const deps = engineDepsOf(options.environment, {
    runId: options.runId,
    claudeFor: options.claudeFor,
    signal: options.signal,
    concurrency: options.concurrency,
    // A batch result arrives whole: there is nothing to coalesce.
    deltaFlushMs: 0,
  });
  // Every node's requests go through claudeFor; `claude` is only the required fallback.
  deps.claude = options.claudeFor('input');
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
