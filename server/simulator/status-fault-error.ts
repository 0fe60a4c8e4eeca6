import { ApiError, errorTypeForStatus } from './api-error';
import type { Fault } from './types';

const DEFAULT_MESSAGES: Record<string, string> = {
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit',
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
};

/** The error response for an injected `status` fault, with the retry headers the SDK reads. */
export function statusFaultError(fault: Extract<Fault, { kind: 'status' }>): ApiError {
  const type = fault.errorType ?? errorTypeForStatus(fault.status);
  const headers: Record<string, string> = {};
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.shouldRetry !== undefined) headers['x-should-retry'] = String(fault.shouldRetry);
  return new ApiError(fault.status, type, fault.message ?? DEFAULT_MESSAGES[type] ?? `Injected ${fault.status} error`, headers);
}
