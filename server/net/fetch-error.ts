export type FetchErrorType = 'ssrf_blocked' | 'too_large' | 'timeout' | 'bad_url' | 'too_many_redirects' | 'redirect_refused' | 'forbidden_header' | 'network';

/** A typed failure of the guarded fetch; `type` is what callers branch on and what traces show. */
export class FetchError extends Error {
  constructor(
    readonly type: FetchErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
