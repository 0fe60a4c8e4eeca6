import { estimateRequestTokens } from './estimate-request-tokens';
import { ModelWindow, type ModelLimits } from './model-window';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface LimiterTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RateLimitOptions {
  /** Limits for models not listed in `models`. Absent = no local limit (headers still apply). */
  defaults?: ModelLimits;
  models?: Record<string, ModelLimits>;
  /** The fetch that really sends (default: globalThis.fetch). */
  fetch?: Fetch;
  /** Epoch ms; injectable so tests drive the window without sleeping. */
  now?: () => number;
  timers?: LimiterTimers;
  estimateTokens?: (body: Record<string, unknown>) => number;
}

export interface RateLimitedFetch extends Fetch {
  /** Requests waiting for budget, per model. */
  queued(): Record<string, number>;
}

interface Waiter {
  tokens: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal | null;
  onAbort?: () => void;
}

interface Lane {
  window: ModelWindow;
  queue: Waiter[];
  timer?: unknown;
}

const MESSAGES_PATH = /\/v1\/messages$/;

/**
 * A `fetch` for `new Anthropic({ fetch })` that queues `POST /v1/messages` per model so a burst
 * waits for budget instead of failing with 429. One instance is meant to be shared by every run in
 * the process. Queues are FIFO per model; a queued request whose signal aborts leaves the queue at
 * once. Every other request (count_tokens, batches, models) passes straight through.
 */
export function createRateLimitedFetch(options: RateLimitOptions = {}): RateLimitedFetch {
  const send: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const timers: LimiterTimers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const estimate = options.estimateTokens ?? estimateRequestTokens;
  const lanes = new Map<string, Lane>();

  function laneFor(model: string): Lane {
    let lane = lanes.get(model);
    if (!lane) {
      lane = { window: new ModelWindow(options.models?.[model] ?? options.defaults ?? {}), queue: [] };
      lanes.set(model, lane);
    }
    return lane;
  }

  function pump(lane: Lane): void {
    if (lane.timer !== undefined) {
      timers.clearTimeout(lane.timer);
      lane.timer = undefined;
    }
    while (lane.queue.length > 0) {
      const head = lane.queue[0] as Waiter;
      const wait = lane.window.waitMs(head.tokens, now());
      if (wait > 0) {
        lane.timer = timers.setTimeout(() => {
          lane.timer = undefined;
          pump(lane);
        }, wait);
        return;
      }
      lane.queue.shift();
      if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
      lane.window.record(head.tokens, now());
      head.resolve();
    }
  }

  function acquire(lane: Lane, tokens: number, signal: AbortSignal | null | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { tokens, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = lane.queue.indexOf(waiter);
          if (index < 0) return;
          lane.queue.splice(index, 1);
          reject(abortError(signal));
          // The head may have changed: let the next request go if it fits.
          pump(lane);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      lane.queue.push(waiter);
      pump(lane);
    });
  }

  const limited = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = limitedTarget(input, init);
    if (!target) return send(input, init);
    const lane = laneFor(target.model);
    await acquire(lane, estimate(target.body), init?.signal);
    const response = await send(input, init);
    lane.window.observe(response.status, response.headers, now());
    // A 429 (from another process sharing the limit) blocks the lane; wake the queue when it clears.
    if (response.status === 429) pump(lane);
    return response;
  };
  return Object.assign(limited, {
    queued: () => Object.fromEntries([...lanes].map(([model, lane]) => [model, lane.queue.length])),
  });
}

function limitedTarget(input: string | URL | Request, init: RequestInit | undefined): { model: string; body: Record<string, unknown> } | undefined {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method !== 'POST' || !MESSAGES_PATH.test(new URL(url).pathname)) return undefined;
  if (typeof init?.body !== 'string') return undefined;
  try {
    const body = JSON.parse(init.body) as unknown;
    if (body === null || typeof body !== 'object' || typeof (body as { model?: unknown }).model !== 'string') return undefined;
    return { model: (body as { model: string }).model, body: body as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError' ? signal.reason : new DOMException('The request was aborted while waiting for rate-limit budget.', 'AbortError');
}
