import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error';
import { batchMessage } from './batch-message';
import { BatchStore } from './batch-store';
import { checkHost } from './check-host';
import { readBody, sendError, type Exchange } from './exchange';
import { handleBatches } from './handle-batches';
import { FaultQueue } from './fault-queue';
import { handleCountTokens } from './handle-count-tokens';
import { handleCreateMessage } from './handle-messages';
import { handleModels } from './handle-models';
import { newId } from './new-id';
import { PromptCache } from './prompt-cache';
import { RateLimiter } from './rate-limiter';
import { loadScriptFile, ScriptBook } from './script-book';
import type { SimulatorState } from './simulator-state';
import { statusFaultError } from './status-fault-error';
import type { LatencyModel, RunningSimulator, SimulatorOptions, SimulatorRequestLog } from './types';

const MESSAGES_BODY_LIMIT = 32 * 1024 * 1024;
const BATCH_BODY_LIMIT = 256 * 1024 * 1024;
const API_VERSIONS = new Set(['2026-10-21', '2023-06-01']);
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-api-key']);

/** Starts the offline, wire-compatible Claude API server (see docs/simulator.md). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const acceptKey = keyCheck(options);
  const script = new ScriptBook();
  script.replace(typeof options.script === 'string' ? loadScriptFile(options.script) : (options.script ?? []));
  const state: SimulatorState = {
    now,
    cache: new PromptCache(now),
    script,
    faults: new FaultQueue(),
    latency: checkedLatency(options.latency ?? {}),
    rateLimiter: options.rateLimit ? new RateLimiter(options.rateLimit, now) : undefined,
  };
  const requests: SimulatorRequestLog[] = [];
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const batches = new BatchStore({
    now,
    paceMs: options.batchRequestMs ?? 2,
    process: (params) => batchMessage(params, state),
    origin: () => url,
  });

  async function route(exchange: Exchange): Promise<void> {
    const { req, path } = exchange;
    const method = req.method ?? 'GET';
    if (method === 'POST' && path === '/v1/messages') return handleCreateMessage(exchange, state);
    const fault = state.faults.take({ path, body: exchange.body });
    if (fault?.kind === 'status') throw statusFaultError(fault);
    if (fault?.kind === 'reset') {
      exchange.selfClosed = true;
      req.socket.destroy();
      return;
    }
    if (method === 'POST' && path === '/v1/messages/count_tokens') return handleCountTokens(exchange);
    const model = path.match(/^\/v1\/models(?:\/([^/]+))?$/);
    if (method === 'GET' && model) return handleModels(exchange, model[1] === undefined ? undefined : decodeURIComponent(model[1]));
    if (handleBatches(exchange, batches)) return;
    throw new ApiError(404, 'not_found_error', `Not found: ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const log: SimulatorRequestLog = {
      id: newId('req_011C'),
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: loggedHeaders(req),
      body: undefined,
      retryCount: Number(req.headers['x-stainless-retry-count']) || 0,
      clientClosed: false,
      stream: false,
    };
    requests.push(log);
    const closed = new AbortController();
    const exchange: Exchange = { req, res, log, path: url.pathname, query: url.searchParams, body: undefined, closed: closed.signal, headers: { 'request-id': log.id } };
    res.on('close', () => {
      if (res.writableFinished) return;
      if (!exchange.selfClosed) log.clientClosed = true;
      closed.abort();
    });
    try {
      // Before the body is read: a rebinding page gets nothing, not even a parse error.
      checkHost(req, host);
      const raw = await readBody(req, url.pathname.startsWith('/v1/messages/batches') ? BATCH_BODY_LIMIT : MESSAGES_BODY_LIMIT);
      const parsed = parseBody(raw);
      log.body = exchange.body = parsed.value;
      authenticate(req, acceptKey);
      checkVersion(req);
      if (parsed.error) throw new ApiError(400, 'invalid_request_error', `Invalid JSON in the request body: ${parsed.error}`);
      if (state.rateLimiter) Object.assign(exchange.headers, state.rateLimiter.headers());
      await route(exchange);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'api_error', 'Internal server error');
      sendError(exchange, apiError);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        batches.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    script: (rules) => script.replace(rules),
    injectFault: (fault, faultOptions) => state.faults.add(fault, faultOptions),
    setLatency: (latency: LatencyModel) => {
      state.latency = checkedLatency(latency);
    },
    reset: () => {
      requests.length = 0;
      script.replace([]);
      state.faults.clear();
      state.cache.clear();
      batches.clear();
      state.rateLimiter?.clear();
      state.latency = checkedLatency(options.latency ?? {});
    },
  };
}

function checkedLatency(latency: LatencyModel): LatencyModel {
  if (latency.jitter !== undefined && latency.jitter !== 0) throw new Error('latency.jitter: only 0 is supported (the simulator is deterministic)');
  for (const field of ['firstTokenMs', 'tokensPerSecond'] as const) {
    const value = latency[field];
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new Error(`latency.${field}: must be a non-negative number`);
  }
  return { ...latency };
}

function loggedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = CREDENTIAL_HEADERS.has(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseBody(raw: Buffer): { value: unknown; error?: string } {
  if (raw.length === 0) return { value: undefined };
  const text = raw.toString('utf8');
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { value: text, error: error instanceof Error ? error.message : String(error) };
  }
}

function keyCheck(options: SimulatorOptions): (key: string) => boolean {
  const accept = options.acceptKey ?? ((key: string) => key.length > 0);
  const expected = options.key;
  if (expected === undefined) return accept;
  const wanted = createHash('sha256').update(expected).digest();
  // Hashing first makes the comparison constant-time whatever the offered key's length.
  return (key) => timingSafeEqual(createHash('sha256').update(key).digest(), wanted) && accept(key);
}

function authenticate(req: IncomingMessage, acceptKey: (key: string) => boolean): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const key = bearer ?? (typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined);
  if (!key) throw new ApiError(401, 'authentication_error', 'x-api-key header is required');
  if (!acceptKey(key)) throw new ApiError(401, 'authentication_error', 'invalid x-api-key');
}

function checkVersion(req: IncomingMessage): void {
  const version = req.headers['anthropic-version'];
  if (!version) throw new ApiError(400, 'invalid_request_error', 'anthropic-version: header is required');
  if (typeof version !== 'string' || !API_VERSIONS.has(version)) {
    throw new ApiError(400, 'invalid_request_error', `anthropic-version: unsupported version "${String(version)}"; expected 2026-10-21 or 2023-06-01`);
  }
}
