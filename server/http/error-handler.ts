import type { ErrorRequestHandler } from 'express';
import { toHttpError } from './to-http-error';

export type Logger = (line: string) => void;

/** Registered last: every error becomes the JSON envelope with the right status. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) {
      // Only the name and message: request bodies and headers (which may hold keys) are never logged.
      log(`${req.method} ${req.path} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    if (res.headersSent) return next(error);
    const body: { type: string; message: string; details?: unknown } = { type: httpError.type, message: httpError.message };
    if (httpError.details !== undefined) body.details = httpError.details;
    res.status(httpError.status).json({ error: body });
  };
}
