import type { WorkflowIssue } from '../../../shared/validate-workflow';

/** The server's error envelope `{error: {type, message, details?}}` as a throwable. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly details: unknown;

  constructor(status: number, type: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.details = details;
  }

  /** Validator issues carried by `invalid_workflow` / `invalid_input` errors, if any. */
  get issues(): WorkflowIssue[] {
    const details = this.details as { errors?: unknown } | undefined;
    return Array.isArray(details?.errors) ? (details.errors as WorkflowIssue[]) : [];
  }
}
