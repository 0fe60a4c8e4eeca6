/** An error the simulator answers with the API's error envelope. */
export class ApiError extends Error {
  /** Optional `error.details`; the SDK picks a subclass from `details.error_code`. */
  details?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 invalid_request_error whose message starts with the offending field path, as the real API does. */
export function invalid(path: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request_error', path ? `${path}: ${message}` : message);
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function errorTypeForStatus(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

const STATUS_BY_TYPE: Record<string, number> = Object.fromEntries(Object.entries(TYPE_BY_STATUS).map(([s, t]) => [t, Number(s)]));

export function statusForErrorType(type: string): number {
  return STATUS_BY_TYPE[type] ?? 500;
}
