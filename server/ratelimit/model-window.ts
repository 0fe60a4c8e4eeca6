export interface ModelLimits {
  requestsPerMinute?: number;
  /** Input tokens per minute (the API's ITPM), as estimated from each request body. */
  tokensPerMinute?: number;
}

/** What the last response's `anthropic-ratelimit-*` headers said about one dimension. */
interface ServerSnapshot {
  remaining: number;
  resetAt: number;
  /** Requests (or tokens) this process sent after the snapshot arrived. */
  usedSince: number;
}

const WINDOW_MS = 60_000;

/**
 * One model's budget: a sliding one-minute window of what this process sent, tightened by what
 * the API reports (`anthropic-ratelimit-*`, `retry-after` on a 429). The API's view wins when it is
 * stricter, because other processes may share the same organisation limits.
 */
export class ModelWindow {
  private sent: { at: number; tokens: number }[] = [];
  private blockedUntil = 0;
  private requestsSnapshot: ServerSnapshot | undefined;
  private tokensSnapshot: ServerSnapshot | undefined;
  private learned: ModelLimits = {};

  constructor(private readonly configured: ModelLimits) {}

  get limits(): ModelLimits {
    return {
      requestsPerMinute: stricter(this.configured.requestsPerMinute, this.learned.requestsPerMinute),
      tokensPerMinute: stricter(this.configured.tokensPerMinute, this.learned.tokensPerMinute),
    };
  }

  /** Milliseconds until a request of `tokens` may go; 0 = now. */
  waitMs(tokens: number, now: number): number {
    this.prune(now);
    const { requestsPerMinute, tokensPerMinute } = this.limits;
    let wait = Math.max(0, this.blockedUntil - now);
    if (requestsPerMinute !== undefined && this.sent.length >= requestsPerMinute) {
      wait = Math.max(wait, (this.sent[this.sent.length - requestsPerMinute]?.at ?? now) + WINDOW_MS - now);
    }
    if (tokensPerMinute !== undefined) wait = Math.max(wait, this.tokenWait(tokens, tokensPerMinute, now));
    wait = Math.max(wait, snapshotWait(this.requestsSnapshot, 1, now), snapshotWait(this.tokensSnapshot, tokens, now));
    return wait;
  }

  record(tokens: number, now: number): void {
    this.sent.push({ at: now, tokens });
    if (this.requestsSnapshot) this.requestsSnapshot.usedSince += 1;
    if (this.tokensSnapshot) this.tokensSnapshot.usedSince += tokens;
  }

  /** Reads `anthropic-ratelimit-*` and, on a 429, `retry-after-ms` / `retry-after`. */
  observe(status: number, headers: Headers, now: number): void {
    const requests = readDimension(headers, 'requests');
    if (requests) {
      if (requests.limit !== undefined) this.learned.requestsPerMinute = requests.limit;
      if (requests.remaining !== undefined && requests.resetAt !== undefined) this.requestsSnapshot = { remaining: requests.remaining, resetAt: requests.resetAt, usedSince: 0 };
    }
    const tokens = readDimension(headers, 'input-tokens') ?? readDimension(headers, 'tokens');
    if (tokens) {
      if (tokens.limit !== undefined) this.learned.tokensPerMinute = tokens.limit;
      if (tokens.remaining !== undefined && tokens.resetAt !== undefined) this.tokensSnapshot = { remaining: tokens.remaining, resetAt: tokens.resetAt, usedSince: 0 };
    }
    if (status === 429) {
      const retryAfter = retryAfterMs(headers, now);
      this.blockedUntil = Math.max(this.blockedUntil, now + (retryAfter ?? 1000));
    }
  }

  private tokenWait(tokens: number, limit: number, now: number): number {
    let used = this.sent.reduce((sum, entry) => sum + entry.tokens, 0);
    if (used + tokens <= limit) return 0;
    // A request bigger than the whole budget goes alone once the window is empty, instead of never.
    for (const entry of this.sent) {
      used -= entry.tokens;
      if (used + Math.min(tokens, limit) <= limit) return entry.at + WINDOW_MS - now;
    }
    return 0;
  }

  private prune(now: number): void {
    while ((this.sent[0]?.at ?? Infinity) <= now - WINDOW_MS) this.sent.shift();
  }
}

function stricter(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function snapshotWait(snapshot: ServerSnapshot | undefined, need: number, now: number): number {
  if (!snapshot || now >= snapshot.resetAt) return 0;
  return snapshot.usedSince + need > snapshot.remaining ? snapshot.resetAt - now : 0;
}

function readDimension(headers: Headers, kind: string): { limit?: number; remaining?: number; resetAt?: number } | undefined {
  const limit = numberHeader(headers, `anthropic-ratelimit-${kind}-limit`);
  const remaining = numberHeader(headers, `anthropic-ratelimit-${kind}-remaining`);
  const reset = headers.get(`anthropic-ratelimit-${kind}-reset`);
  const resetAt = reset ? Date.parse(reset) : NaN;
  if (limit === undefined && remaining === undefined) return undefined;
  const dimension: { limit?: number; remaining?: number; resetAt?: number } = {};
  if (limit !== undefined) dimension.limit = limit;
  if (remaining !== undefined) dimension.remaining = remaining;
  if (Number.isFinite(resetAt)) dimension.resetAt = resetAt;
  return dimension;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isFinite(date) && date > now ? date - now : undefined;
}
