import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../shared/json-schema';
import type { Workflow } from '../../shared/workflow-types';
import type { EngineEnvironment } from '../environment';
import type { Store } from '../store/store';
import type { BatchJobDetail, BatchJobMode, BatchJobSummary } from './batch-job';
import type { BatchProgress, BatchReport } from './batch-report';
import { recordRealtimeRows } from './record-realtime-rows';
import { runBatch } from './run-batch';

export interface BatchJobsDeps {
  store: Store;
  /** The process's one environment: the same Claude, fetch, files root, secrets and MCP as runs. */
  environment: EngineEnvironment;
  /** Folder for the jobs' resume files (the database's folder in the server). */
  stateDir: string;
  /** Wait between batch status polls (200 ms on the simulator, 10 s on the real API). */
  pollMs: number;
  /** Jobs running at once; more are refused (default 4). */
  maxRunning?: number;
  /** Ended jobs kept for `GET /api/batches` (oldest forgotten first; default 100). */
  maxKept?: number;
}

export interface StartBatchJob {
  workflow: Workflow;
  rows: readonly Json[];
  mode: BatchJobMode;
  /** Realtime: rows at once; batch: nodes at once per row. */
  concurrency?: number;
}

export class BatchJobsBusyError extends Error {}

interface Job {
  detail: BatchJobDetail;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The server's dataset jobs, run in-process: each is `runBatch` (Message Batches, rows recorded
 * as runs) or realtime rows recorded as runs, with live progress and, once ended, every row's
 * result. Jobs live in memory: a restart forgets them, but their rows stay in the run history.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly now: () => number;

  constructor(private readonly deps: BatchJobsDeps) {
    this.now = () => deps.environment.now();
  }

  start(request: StartBatchJob): BatchJobSummary {
    const running = [...this.jobs.values()].filter((job) => job.detail.status === 'running').length;
    const maxRunning = this.deps.maxRunning ?? 4;
    if (running >= maxRunning) throw new BatchJobsBusyError(`${running} dataset jobs are already running (the limit is ${maxRunning}); wait for one to end or cancel one.`);
    const id = this.deps.environment.newId('bj');
    const detail: BatchJobDetail = {
      id,
      workflowId: request.workflow.id,
      workflowName: request.workflow.name,
      mode: request.mode,
      status: 'running',
      rowsTotal: request.rows.length,
      rowsDone: 0,
      progress: null,
      createdAt: this.now(),
      endedAt: null,
      error: null,
      costUsd: null,
      compareCostUsd: null,
      completed: null,
      failed: null,
      usage: null,
      batches: [],
      rows: null,
    };
    const controller = new AbortController();
    const job: Job = { detail, controller, done: Promise.resolve() };
    this.jobs.set(id, job);
    job.done = this.execute(job, request).then(
      (report) => this.finish(job, report),
      (error: unknown) => this.fail(job, error),
    );
    this.forgetOldJobs();
    return summaryOf(detail);
  }

  get(id: string): BatchJobDetail | undefined {
    const job = this.jobs.get(id);
    return job ? { ...job.detail } : undefined;
  }

  /** Newest first. */
  list(): BatchJobSummary[] {
    return [...this.jobs.values()].map((job) => summaryOf(job.detail)).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Stops a running job; its finished rows keep their results. False when it is not running. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.detail.status !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Resolves when the job has ended (for tests and shutdown). */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.done;
  }

  /** Server shutdown: cancels every running job and waits for it to stop. */
  async close(): Promise<void> {
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.done));
  }

  private async execute(job: Job, request: StartBatchJob): Promise<BatchReport> {
    const { deps } = this;
    const common = {
      environment: deps.environment,
      store: deps.store,
      signal: job.controller.signal,
      onProgress: (progress: BatchProgress) => {
        job.detail.progress = progress;
        job.detail.rowsDone = progress.rowsDone;
      },
      ...(request.concurrency ? { concurrency: request.concurrency } : {}),
    };
    if (request.mode === 'realtime') return recordRealtimeRows(request.workflow, request.rows, { ...common, runIdPrefix: job.detail.id });
    const dir = join(deps.stateDir, 'batch-jobs');
    mkdirSync(dir, { recursive: true });
    const statePath = join(dir, `${job.detail.id}.batch-state.json`);
    try {
      return await runBatch(request.workflow, request.rows, { ...common, statePath, pollMs: deps.pollMs, runIdPrefix: job.detail.id });
    } finally {
      // Jobs do not outlive the process, so nothing would ever resume from the file.
      rmSync(statePath, { force: true });
    }
  }

  private finish(job: Job, report: BatchReport): void {
    const detail = job.detail;
    detail.status = report.interrupted ? 'canceled' : 'completed';
    detail.endedAt = this.now();
    detail.rowsDone = report.rows.filter((row) => row.status !== 'canceled').length;
    detail.rows = report.rows;
    detail.batches = report.batches;
    detail.usage = report.usage;
    detail.costUsd = report.cost_usd;
    detail.compareCostUsd = report.compare_cost_usd;
    detail.completed = report.completed;
    detail.failed = report.failed;
  }

  private fail(job: Job, error: unknown): void {
    job.detail.status = job.controller.signal.aborted ? 'canceled' : 'failed';
    job.detail.endedAt = this.now();
    job.detail.error = error instanceof Error ? error.message : String(error);
  }

  private forgetOldJobs(): void {
    const ended = [...this.jobs.values()].filter((job) => job.detail.status !== 'running').sort((a, b) => a.detail.createdAt - b.detail.createdAt);
    const excess = this.jobs.size - (this.deps.maxKept ?? 100);
    for (const job of ended.slice(0, Math.max(0, excess))) this.jobs.delete(job.detail.id);
  }
}

function summaryOf(detail: BatchJobDetail): BatchJobSummary {
  const { usage: _usage, batches: _batches, rows: _rows, ...summary } = detail;
  return { ...summary, progress: summary.progress ? { ...summary.progress } : null };
}
