import { Router } from 'express';
import type { Json } from '../../shared/json-schema';
import type { Workflow } from '../../shared/workflow-types';
import { BatchJobsBusyError, type BatchJobs } from '../batch/batch-jobs';
import { readDataset } from '../batch/read-dataset';
import type { EngineEnvironment } from '../environment';
import { resolveRunWorkflow } from '../runs/resolve-run-request';
import type { Store } from '../store/store';
import { HttpError } from './http-error';

export interface BatchRouterOptions {
  jobs: BatchJobs;
  /** Checks the workflow exactly as POST /api/runs does. */
  environment: EngineEnvironment;
  /** Rows per job (default 10,000). The body itself is bounded by the API's body limit. */
  maxRows?: number;
}

const DEFAULT_MAX_ROWS = 10_000;
const MAX_CONCURRENCY = 64;

/**
 * `/api/batches`: a workflow over a dataset (rows or CSV text), as Message Batches or realtime
 * runs, in the background. `POST /` → 202 {batchJobId}; `GET /:id` progress and, once ended, every
 * row's result; `GET /` the jobs; `POST /:id/cancel`.
 */
export function batchRouter(store: Store, options: BatchRouterOptions): Router {
  const router = Router();
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;

  router.post('/', (req, res) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be an object: {"workflowId" | "workflow", "rows": [...] | "csv": "…", "mode": "batch" | "realtime", "concurrency"?}.');
    }
    const request = body as Record<string, unknown>;
    const mode = request.mode ?? 'batch';
    if (mode !== 'batch' && mode !== 'realtime') throw new HttpError(400, 'invalid_request', `"mode" must be "batch" or "realtime", got ${JSON.stringify(mode)}.`);
    const concurrency = request.concurrency;
    if (concurrency !== undefined && (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
      throw new HttpError(400, 'invalid_request', `"concurrency" must be an integer from 1 to ${MAX_CONCURRENCY}.`);
    }
    const workflow = resolveRunWorkflow(request, { store, environment: options.environment });
    const rows = datasetRows(request, workflow, maxRows);
    let started;
    try {
      started = options.jobs.start({ workflow, rows, mode, ...(concurrency !== undefined ? { concurrency: concurrency as number } : {}) });
    } catch (error) {
      if (error instanceof BatchJobsBusyError) throw new HttpError(429, 'too_many_jobs', error.message);
      throw error;
    }
    res.status(202).location(`/api/batches/${started.id}`).json({ batchJobId: started.id, job: started });
  });

  router.get('/', (_req, res) => {
    res.json({ jobs: options.jobs.list() });
  });

  router.get('/:id', (req, res) => {
    const job = options.jobs.get(req.params.id);
    if (!job) throw new HttpError(404, 'not_found', `No dataset job with id "${req.params.id}" (jobs are kept in memory until the server restarts).`);
    res.json({ job });
  });

  router.post('/:id/cancel', (req, res) => {
    const job = options.jobs.get(req.params.id);
    if (!job) throw new HttpError(404, 'not_found', `No dataset job with id "${req.params.id}".`);
    if (!options.jobs.cancel(job.id)) throw new HttpError(409, 'not_running', `Dataset job "${job.id}" is ${job.status}, not running.`);
    res.status(202).json({ batchJobId: job.id });
  });

  return router;
}

/** Exactly one of `rows` (input objects) or `csv` (text with a header row), 1 to `maxRows` rows. */
function datasetRows(request: Record<string, unknown>, workflow: Workflow, maxRows: number): Json[] {
  const { rows, csv } = request;
  if ((rows === undefined) === (csv === undefined)) throw new HttpError(400, 'invalid_request', 'Give exactly one of "rows" (an array of input objects) or "csv" (CSV text with a header row).');
  let dataset: Json[];
  if (rows !== undefined) {
    if (!Array.isArray(rows)) throw new HttpError(400, 'invalid_dataset', '"rows" must be an array of input objects.');
    const bad = rows.findIndex((row) => row === null || typeof row !== 'object' || Array.isArray(row));
    if (bad !== -1) throw new HttpError(400, 'invalid_dataset', `/rows/${bad}: each row must be an object of input fields.`, { path: `/rows/${bad}` });
    dataset = rows as Json[];
  } else {
    if (typeof csv !== 'string') throw new HttpError(400, 'invalid_dataset', '"csv" must be a string of CSV text.');
    try {
      dataset = readDataset(csv, 'csv', workflow.inputs);
    } catch (error) {
      throw new HttpError(400, 'invalid_dataset', `/csv: ${(error as Error).message}`, { path: '/csv' });
    }
  }
  if (dataset.length === 0) throw new HttpError(400, 'invalid_dataset', 'The dataset has no rows.');
  if (dataset.length > maxRows) throw new HttpError(400, 'invalid_dataset', `The dataset has ${dataset.length} rows; at most ${maxRows} are accepted per job.`);
  return dataset;
}
