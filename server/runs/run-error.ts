/**
 * Why the run manager refused a request. The HTTP layer maps each code to a status; the CLI
 * and tests read `code` and `details` directly.
 */
export type RunErrorCode = 'not_found' | 'invalid_request' | 'invalid_workflow' | 'invalid_input' | 'not_running' | 'not_resumable';

export class RunError extends Error {
  constructor(
    readonly code: RunErrorCode,
    message: string,
    readonly details?: { [key: string]: unknown },
  ) {
    super(message);
    this.name = 'RunError';
  }
}
