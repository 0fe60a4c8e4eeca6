/** Thrown by handlers and middleware; the error handler turns it into `{error: {type, message, details?}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details?: { [key: string]: unknown },
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
