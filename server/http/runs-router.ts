import { Router, type Request } from 'express';
import type { EngineEnvironment } from '../environment';
import { resolveRunRequest } from '../runs/resolve-run-request';
import type { RunManager } from '../runs/run-manager';
import type { Store } from '../store/store';
import { HttpError } from './http-error';
import { runView } from './run-view';
import type { SseConnectionLimits } from './sse-connection-limits';
import { SseWriter } from './sse-writer';

export interface RunsRouterOptions {
  heartbeatMs: number;
  /** What a new run is checked against (its MCP servers, its secrets) before anything is stored. */
  environment: EngineEnvironment;
  /** Caps open event streams per run and in total. */
  streams: SseConnectionLimits;
}

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 500;

export function runsRouter(store: Store, runs: RunManager, options: RunsRouterOptions): Router {
  const router = Router();

  router.post('/', (req, res) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be an object: {"workflowId": …} or {"workflow": …}, with "input" or "sample".');
    }
    const { runId } = runs.start(resolveRunRequest(body as Record<string, unknown>, { store, environment: options.environment }));
    res.status(202).location(`/api/runs/${runId}`).json({ runId });
  });

  router.get('/', (req, res) => {
    const workflowId = typeof req.query.workflowId === 'string' && req.query.workflowId !== '' ? req.query.workflowId : undefined;
    const limit = parseInteger(req.query.limit, 'limit', DEFAULT_LIST_LIMIT, 1, MAX_LIST_LIMIT);
    res.json({ runs: store.runs.list({ workflowId, limit }).map((run) => runView(run, false)) });
  });

  router.get('/:id', (req, res) => {
    const run = store.runs.get(req.params.id);
    if (!run) throw new HttpError(404, 'not_found', `No run with id "${req.params.id}".`);
    res.json({ run: { ...runView(run, true), live: runs.isLive(run.id) }, nodes: store.nodeResults.ofRun(run.id) });
  });

  router.get('/:id/events', async (req, res) => {
    const after = afterSeqOf(req);
    const abort = new AbortController();
    // Throws not_found before any header is written, so a 404 is still a JSON error.
    const events = runs.follow(req.params.id, after, abort.signal);
    let release: () => void;
    try {
      release = options.streams.acquire(req.params.id);
    } catch (error) {
      res.setHeader('Retry-After', '2');
      throw error;
    }
    const sse = new SseWriter(res);
    // The reader going away stops only this reader: the run carries on (and stays recorded).
    res.on('close', () => {
      abort.abort();
      release();
    });
    sse.open(2000);
    const heartbeat = setInterval(() => void sse.comment('heartbeat'), options.heartbeatMs);
    try {
      for await (const event of events) {
        await sse.send(event);
        if (sse.isClosed) break;
      }
    } finally {
      clearInterval(heartbeat);
      abort.abort();
      release();
      sse.end();
    }
  });

  router.post('/:id/cancel', (req, res) => {
    runs.cancel(req.params.id);
    res.status(202).json({ runId: req.params.id });
  });

  router.post('/:id/resume', (req, res) => {
    const { runId } = runs.resume(req.params.id);
    res.status(202).json({ runId });
  });

  return router;
}

/** `Last-Event-ID` (set by a reconnecting EventSource) wins over `?after=`; both are a seq. */
function afterSeqOf(req: Request): number {
  const header = req.headers['last-event-id'];
  if (typeof header === 'string' && header.trim() !== '') return parseInteger(header.trim(), 'Last-Event-ID', 0, 0, Number.MAX_SAFE_INTEGER);
  return parseInteger(req.query.after, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
}

function parseInteger(raw: unknown, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new HttpError(400, 'invalid_request', `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}.`);
  }
  return value;
}
