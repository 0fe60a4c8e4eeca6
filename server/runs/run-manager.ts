import { loadWorkflow, stringifyWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import type { RunInterruptedEvent, TraceEvent } from '../../shared/trace-events';
import { addUsage, ZERO_USAGE } from '../../shared/usage';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import type { CompletedNode } from '../engine/types';
import { engineDepsOf, findRunIssues, type EngineEnvironment } from '../environment';
import type { Store } from '../store/store';
import { ChangeSignal } from './change-signal';
import { EventBatcher } from './event-batcher';
import { recordRun } from './record-run';
import { RunError } from './run-error';

export interface RunManagerDeps {
  store: Store;
  /** Claude, fetch, files root, secrets, MCP, clock and ids: the process's one environment. */
  environment: EngineEnvironment;
  /** Coalescing window for deltas in ms, in the engine and in the store; 0 (default) = one event-loop turn. */
  flushMs?: number;
  /** A pending delta this many bytes long leaves at once (engine default 1024; 1 = no coalescing). */
  flushBytes?: number;
}

/** A workflow and input that resolveRunRequest has already checked. */
export interface ResolvedRun {
  workflow: Workflow;
  input: Json;
}

interface LiveRun {
  controller: AbortController;
  changes: ChangeSignal;
  done: Promise<void>;
}

const PAGE = 500;
const INTERRUPTED_NOTE = 'The server stopped while this run was live. Resume it to continue from its completed nodes.';
const SHUTDOWN_NOTE = 'The server shut down while this run was live. Resume it to continue from its completed nodes.';

/**
 * Owns the runs this process drives: starts them on the engine, records every event (durable
 * first), lets any number of readers follow a run from any seq, cancels and resumes.
 */
export class RunManager {
  private readonly live = new Map<string, LiveRun>();
  private readonly shuttingDown = new Set<string>();
  private readonly now: () => number;
  /** All live runs share one transaction per loop turn. */
  private readonly batcher: EventBatcher;

  constructor(private readonly deps: RunManagerDeps) {
    this.now = () => deps.environment.now();
    this.batcher = new EventBatcher({ commit: (events) => deps.store.commitEvents(events), flushMs: deps.flushMs });
  }

  /** Starts a run resolved (and so checked) by resolveRunRequest: nothing is stored before this. */
  start({ workflow, input }: ResolvedRun): { runId: string } {
    const runId = this.deps.environment.newId('run');
    this.drive(workflow, input, { id: runId, workflowId: workflow.id, workflowJson: stringifyWorkflow(workflow), input, createdAt: this.now() }, { startSeq: 1 });
    return { runId };
  }

  /** Re-runs an interrupted or failed run; completed and skipped nodes keep their stored results. */
  resume(runId: string): { runId: string } {
    const run = this.deps.store.runs.get(runId);
    if (!run) throw new RunError('not_found', `No run with id "${runId}".`);
    if (this.live.has(runId) || (run.status !== 'interrupted' && run.status !== 'failed')) {
      throw new RunError('not_resumable', `Run "${runId}" is ${this.live.has(runId) ? 'running' : run.status}; only interrupted or failed runs can be resumed.`);
    }
    const checked = loadWorkflow(JSON.parse(run.workflowJson) as unknown, { models: this.deps.environment.models.current() });
    if (!checked.valid || !checked.workflow) {
      throw new RunError('invalid_workflow', 'The workflow snapshot of this run no longer validates.', { errors: checked.errors, warnings: checked.warnings });
    }
    // The environment may have changed since (a secret no longer granted, an MCP server removed).
    const issues = findRunIssues(this.deps.environment, checked.workflow);
    if (issues.length > 0) throw new RunError('invalid_workflow', `The run cannot resume on this server: ${issues[0]?.message}`, { errors: issues });
    const completed: CompletedNode[] = this.deps.store.nodeResults
      .ofRun(runId)
      .filter((node) => node.status === 'completed' || node.status === 'skipped')
      .map((node) => ({ nodeId: node.nodeId, status: node.status as 'completed' | 'skipped', output: node.output }));
    const startSeq = this.deps.store.events.lastSeq(runId) + 1;
    this.drive(checked.workflow, run.input, { id: runId, workflowId: run.workflowId, workflowJson: run.workflowJson, input: run.input, createdAt: run.createdAt }, { startSeq, completed });
    return { runId };
  }

  cancel(runId: string): void {
    const live = this.live.get(runId);
    if (!live) {
      const run = this.deps.store.runs.get(runId);
      if (!run) throw new RunError('not_found', `No run with id "${runId}".`);
      throw new RunError('not_running', `Run "${runId}" is ${run.status}, not running.`);
    }
    live.controller.abort();
  }

  isLive(runId: string): boolean {
    return this.live.has(runId);
  }

  /**
   * Every event of the run after `afterSeq`, replayed from SQLite and then followed live, ending
   * when the run is no longer live and everything stored has been read. Each wake-up re-reads
   * the store from the last delivered seq, so there is no gap or duplicate at the replay/live
   * boundary, and a slow reader simply reads later (backpressure costs the run nothing).
   */
  follow(runId: string, afterSeq: number, abort?: AbortSignal): AsyncIterable<TraceEvent> {
    if (!this.deps.store.runs.get(runId)) throw new RunError('not_found', `No run with id "${runId}".`);
    const { store } = this.deps;
    const live = this.live;
    return {
      async *[Symbol.asyncIterator]() {
        let last = afterSeq;
        while (!abort?.aborted) {
          const page = store.events.after(runId, last, PAGE);
          // Read liveness in the same synchronous step as the page: a commit cannot slip between.
          const current = live.get(runId);
          const woken = page.length < PAGE && current ? current.changes.wait(abort) : undefined;
          for (const event of page) {
            yield event;
            last = event.seq;
          }
          if (page.length === PAGE) {
            // A long replay gives other requests a turn between pages: many readers replaying at
            // once would otherwise hold the event loop until every one of them had finished.
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          if (!woken) return;
          await woken;
        }
      },
    };
  }

  /**
   * At start-up: runs left `running` by a process that died become `interrupted`, and each run's
   * log gets a closing `run.interrupted` (in the same transaction as the status), so anything
   * following the log sees it end instead of waiting for events that will never come.
   */
  markInterruptedRuns(): string[] {
    const { store } = this.deps;
    const ids = store.runs.liveIds().filter((id) => !this.live.has(id));
    for (const id of ids) store.commitEvents([this.interruptedEvent(id, INTERRUPTED_NOTE)]);
    return ids;
  }

  /** Stops every live run and leaves it `interrupted` (resumable), not `canceled`. */
  async close(): Promise<void> {
    const runs = [...this.live.entries()];
    for (const [runId, run] of runs) {
      this.shuttingDown.add(runId);
      run.controller.abort();
    }
    await Promise.all(runs.map(([, run]) => run.done));
  }

  private drive(workflow: Workflow, input: Json, run: Parameters<typeof recordRun>[1], resume: { startSeq: number; completed?: CompletedNode[] }): void {
    const controller = new AbortController();
    const changes = new ChangeSignal();
    const engineEvents = runWorkflow(
      workflow,
      input,
      engineDepsOf(this.deps.environment, {
        runId: run.id,
        signal: controller.signal,
        completed: resume.completed,
        startSeq: resume.startSeq,
        deltaFlushMs: this.deps.flushMs,
        deltaFlushBytes: this.deps.flushBytes,
      }),
    );
    const events = this.interruptedOnShutdown(run.id, engineEvents);
    // recordRun creates or revives the run row synchronously, before its first await.
    const recording = recordRun(this.deps.store, run, events, { onCommit: () => changes.notify(), batcher: this.batcher, now: this.now });
    const done = recording.then(
      () => this.finish(run.id),
      () => this.finish(run.id),
    );
    this.live.set(run.id, { controller, changes, done });
  }

  private finish(runId: string): void {
    const live = this.live.get(runId);
    this.live.delete(runId);
    this.shuttingDown.delete(runId);
    live?.changes.notify();
  }

  /**
   * A run stopped by shutdown ends its attempt `interrupted` (resumable), not `canceled`: the
   * engine's `run.canceled` becomes `run.interrupted` with the same totals.
   */
  private async *interruptedOnShutdown(runId: string, events: AsyncIterable<TraceEvent>): AsyncIterable<TraceEvent> {
    for await (const event of events) {
      if (event.type === 'run.canceled' && this.shuttingDown.has(runId)) yield { ...event, type: 'run.interrupted', data: { ...event.data, reason: SHUTDOWN_NOTE } };
      else yield event;
    }
  }

  /** The closing event of a run whose process died: what its stored node results had spent. */
  private interruptedEvent(runId: string, reason: string): RunInterruptedEvent {
    const { store } = this.deps;
    const nodes = store.nodeResults.ofRun(runId);
    const usage = nodes.reduce((total, node) => (node.usage ? addUsage(total, node.usage) : total), { ...ZERO_USAGE });
    const cost = nodes.reduce((total, node) => total + (node.costUsd ?? 0), 0);
    const durationMs = nodes.reduce((total, node) => total + (node.durationMs ?? 0), 0);
    return { seq: store.events.lastSeq(runId) + 1, ts: this.now(), runId, type: 'run.interrupted', data: { usage, cost_usd: cost, duration_ms: durationMs, reason } };
  }
}
