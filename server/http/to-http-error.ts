import { RunError, type RunErrorCode } from '../runs/run-error';
import { HttpError } from './http-error';

const RUN_ERROR_STATUS: Record<RunErrorCode, number> = {
  not_found: 404,
  invalid_request: 400,
  invalid_workflow: 400,
  invalid_input: 400,
  not_running: 409,
  not_resumable: 409,
};

/**
 * Maps anything thrown in a request to an HttpError. Unknown errors become a generic 500: their
 * message may carry internals, so it is logged (by the caller) but never sent.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof RunError) return new HttpError(RUN_ERROR_STATUS[error.code], error.code, error.message, error.details);
  const status = (error as { status?: unknown; type?: unknown } | null)?.status;
  // Errors raised by Express's own body handling carry a 4xx status and a known type.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new HttpError(413, 'payload_too_large', 'The request body is larger than the limit.');
    return new HttpError(status, 'bad_request', 'The request could not be read.');
  }
  return new HttpError(500, 'internal', 'Internal server error.');
}
