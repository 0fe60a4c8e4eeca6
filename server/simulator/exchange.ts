import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import type { SimulatorRequestLog } from './types';

/** One request/response pair as the handlers see it. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  log: SimulatorRequestLog;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Aborted when the client closes the connection before the response finished. */
  closed: AbortSignal;
  /** Sent on every response: request-id and any rate-limit headers. */
  headers: Record<string, string>;
  /** The simulator cut the connection itself (a fault), so a close is not the client's doing. */
  selfClosed?: boolean;
}

export function sendJson(exchange: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const { res, log } = exchange;
  if (res.destroyed) return;
  // A failure after a stream started cannot be reported in-band; cut the connection so it is not left hanging.
  if (res.headersSent) {
    exchange.selfClosed = true;
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  log.status = status;
  res.writeHead(status, { ...exchange.headers, ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(exchange: Exchange, error: ApiError): void {
  const body: Record<string, unknown> = {
    type: 'error',
    error: { type: error.type, message: error.message, ...(error.details ? { details: error.details } : {}) },
    request_id: exchange.log.id,
  };
  sendJson(exchange, error.status, body, error.headers);
}

/** Resolves after `ms`, or at once when the client has gone (nobody is waiting for the bytes). */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Reads the body up to `limit` bytes; larger bodies are refused with 413 without buffering them. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'request_too_large', `Request exceeds the maximum allowed number of bytes (${limit}).`);
}
