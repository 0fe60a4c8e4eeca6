import type { TraceError } from '../../shared/trace-events';

/**
 * The one error type runners throw. `retryable` decides whether a node-level `retry` policy may
 * try again: configuration and template mistakes fail the same way every time, so they are not.
 */
export class NodeError extends Error {
  readonly traceError: TraceError;
  readonly retryable: boolean;

  constructor(traceError: TraceError, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(traceError.message, { cause: options.cause });
    this.name = 'NodeError';
    this.traceError = traceError;
    this.retryable = options.retryable ?? false;
  }

  static config(message: string): NodeError {
    return new NodeError({ type: 'validation_error', message });
  }
}
