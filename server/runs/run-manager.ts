import { randomUUID } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import { loadWorkflow, stringifyWorkflow } from '../../shared/format';
import type { Json } from '../../shared/json-schema';
import type { ModelCatalog } from '../../shared/claude-models/model-catalog';
import type { PriceTable } from '../../shared/pricing';
import type { TraceEvent } from '../../shared/trace-events';
import { validateRunInput } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';
import { redactSecrets } from '../engine/redact-secrets';
import { runWorkflow } from '../engine/run-workflow';
import type { CompletedNode, GuardedFetch, McpCaller } from '../engine/types';
import type { Store } from '../store/store';
import { ChangeSignal } from './change-signal';
import { EventBatcher } from './event-batcher';
import { recordRun } from './record-run';
import { RunError } from './run-error';

export interface RunManagerDeps {
  store: Store;
  claude: Anthropic;
  fetch?: GuardedFetch;
  /** Values for `{{secrets.NAME}}`. */
  secrets?: Record<string, string>;
  /** Values that must never reach a trace although no template can read them (the API key). */
  redact?: Record<string, string>;
  concurrency?: number;
  prices?: PriceTable;
  /** The server's model catalogue as last loaded (live or facts); the facts table when absent. */
  models?: () => ModelCatalog;
  filesRoot?: string;
  /** Calls tools of the MCP servers in server configuration (mcp tool nodes). */
  mcp?: McpCaller;
  /** Coalescing window for deltas in ms, in the engine and in the store; 0 (default) = one event-loop turn. */
  flushMs?: number;
  /** A pending delta this many bytes long leaves at once (engine default 1024; 1 = no coalescing). */
  flushBytes?: number;
  now?: () => number;
  newId?: () => string;
}

export interface StartRunRequest {
  workflowId?: unknown;
  workflow?: unknown;
  input?: unknown;
  sample?: unknown;
}

/** A reason to refuse a valid workflow on this server (e.g. an MCP server it does not have). */
export interface PreflightIssue {
  nodeId?: string;
  path: string;
  rule: string;
  message: string;
}

export type Preflight = (workflow: Workflow) => readonly PreflightIssue[];

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
  private readonly newId: () => string;
  /** All live runs share one transaction per loop turn. */
  private readonly batcher: EventBatcher;

  constructor(private readonly deps: RunManagerDeps) {
    this.now = deps.now ?? Date.now;
    this.batcher = new EventBatcher({ commit: (events) => deps.store.commitEvents(events), flushMs: deps.flushMs });
    this.newId = deps.newId ?? (() => `run_${randomUUID().replaceAll('-', '')}`);
  }

  /**
   * Validates everything first: an invalid request persists nothing. `preflight` adds the
   * server's own checks on the resolved workflow; any issue it reports refuses the run.
   */
  /** Runs are checked against the same catalogue as POST /api/workflows/validate. */
  private validateOptions(): { models?: ModelCatalog } {
    return this.deps.models ? { models: this.deps.models() } : {};
  }

  start(request: StartRunRequest, preflight?: Preflight): { runId: string } {
    const workflow = this.resolveWorkflow(request);
    const issues = preflight?.(workflow) ?? [];
    if (issues.length > 0) {
      throw new RunError('invalid_workflow', `The workflow cannot run on this server: ${issues[0]?.message}`, { errors: issues });
    }
    const input = resolveInput(workflow, request);
    const runId = this.newId();
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
    const checked = loadWorkflow(JSON.parse(run.workflowJson) as unknown, this.validateOptions());
    if (!checked.valid || !checked.workflow) {
      throw new RunError('invalid_workflow', 'The workflow snapshot of this run no longer validates.', { errors: checked.errors, warnings: checked.warnings });
    }
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
          if (page.length === PAGE) continue;
          if (!woken) return;
          await woken;
        }
      },
    };
  }

  /** At start-up: runs left `running` by a process that died become `interrupted`. */
  markInterruptedRuns(): string[] {
    return this.deps.store.runs.markInterrupted(INTERRUPTED_NOTE, this.now());
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
    const events = redactEvents(
      runWorkflow(workflow, input, {
        claude: this.deps.claude,
        runId: run.id,
        signal: controller.signal,
        now: this.now,
        concurrency: this.deps.concurrency,
        prices: this.deps.prices,
        ...this.validateOptions(),
        secrets: this.deps.secrets,
        fetch: this.deps.fetch,
        filesRoot: this.deps.filesRoot,
        mcp: this.deps.mcp,
        completed: resume.completed,
        startSeq: resume.startSeq,
        deltaFlushMs: this.deps.flushMs,
        deltaFlushBytes: this.deps.flushBytes,
      }),
      { ...this.deps.redact },
    );
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
    if (this.shuttingDown.delete(runId)) this.deps.store.runs.interrupt(runId, SHUTDOWN_NOTE, this.now());
    live?.changes.notify();
  }

  private resolveWorkflow(request: StartRunRequest): Workflow {
    const { workflowId, workflow } = request;
    if ((workflowId === undefined) === (workflow === undefined)) {
      throw new RunError('invalid_request', 'Give exactly one of "workflowId" (a stored workflow) or "workflow" (an inline workflow).');
    }
    let document: unknown = workflow;
    if (workflowId !== undefined) {
      if (typeof workflowId !== 'string') throw new RunError('invalid_request', '"workflowId" must be a string.');
      const stored = this.deps.store.workflows.get(workflowId);
      if (!stored) throw new RunError('not_found', `No workflow with id "${workflowId}".`);
      document = JSON.parse(stored.json) as unknown;
    }
    const checked = loadWorkflow(document, this.validateOptions());
    if (!checked.valid || !checked.workflow) {
      throw new RunError('invalid_workflow', `The workflow is invalid: ${checked.errors[0]?.message ?? 'unknown error'}`, { errors: checked.errors, warnings: checked.warnings });
    }
    return checked.workflow;
  }
}

function resolveInput(workflow: Workflow, request: StartRunRequest): Json {
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

/** Last line of defence for values no trace may carry, whatever the engine or Claude echoes. */
async function* redactEvents(events: AsyncIterable<TraceEvent>, values: Record<string, string>): AsyncIterable<TraceEvent> {
  const active = Object.keys(values).length > 0;
  for await (const event of events) yield active ? { ...event, data: redactSecrets(event.data as Json, values) as never } : event;
}
