import { ApiError } from './api-error';
import type { RateLimitOptions } from './types';

const WINDOW_MS = 60_000;

/** A sliding one-minute window over requests and input tokens, on the simulator's clock. */
export class RateLimiter {
  private events: { at: number; tokens: number }[] = [];

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  clear(): void {
    this.events = [];
  }

  /** Records a request of `tokens` input tokens, or throws 429 with retry-after when over a limit. */
  charge(tokens: number): void {
    const now = this.now();
    this.prune(now);
    const { requestsPerMinute, tokensPerMinute } = this.limits;
    const usedTokens = this.events.reduce((sum, event) => sum + event.tokens, 0);
    const overRequests = requestsPerMinute !== undefined && this.events.length + 1 > requestsPerMinute;
    const overTokens = tokensPerMinute !== undefined && usedTokens + tokens > tokensPerMinute;
    if (overRequests || overTokens) {
      const oldest = this.events[0]?.at ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
      const what = overRequests ? `${requestsPerMinute} requests per minute` : `${tokensPerMinute} input tokens per minute`;
      throw new ApiError(429, 'rate_limit_error', `This request would exceed the rate limit for your organization of ${what}. Please retry after ${retryAfterSeconds} seconds.`, {
        ...this.headers(),
        'retry-after': String(retryAfterSeconds),
      });
    }
    this.events.push({ at: now, tokens });
  }

  /** `anthropic-ratelimit-*` headers describing the current window. */
  headers(): Record<string, string> {
    const now = this.now();
    this.prune(now);
    const reset = new Date((this.events[0]?.at ?? now) + WINDOW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const headers: Record<string, string> = {};
    const { requestsPerMinute, tokensPerMinute } = this.limits;
    if (requestsPerMinute !== undefined) {
      headers['anthropic-ratelimit-requests-limit'] = String(requestsPerMinute);
      headers['anthropic-ratelimit-requests-remaining'] = String(Math.max(0, requestsPerMinute - this.events.length));
      headers['anthropic-ratelimit-requests-reset'] = reset;
    }
    if (tokensPerMinute !== undefined) {
      const remaining = String(Math.max(0, tokensPerMinute - this.events.reduce((sum, event) => sum + event.tokens, 0)));
      for (const kind of ['tokens', 'input-tokens']) {
        headers[`anthropic-ratelimit-${kind}-limit`] = String(tokensPerMinute);
        headers[`anthropic-ratelimit-${kind}-remaining`] = remaining;
        headers[`anthropic-ratelimit-${kind}-reset`] = reset;
      }
    }
    return headers;
  }

  private prune(now: number): void {
    while ((this.events[0]?.at ?? Infinity) <= now - WINDOW_MS) this.events.shift();
  }
}
