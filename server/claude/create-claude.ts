import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { createRateLimitedFetch, type RateLimitOptions } from '../ratelimit/create-rate-limited-fetch';
import type { RunningSimulator, SimulatorOptions } from '../simulator';

export interface CreateClaudeOptions {
  /** Where ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL are read from (default process.env). */
  env?: Record<string, string | undefined>;
  maxRetries?: number;
  timeoutMs?: number;
  /** Options for the in-process simulator used when no key is set. */
  simulator?: SimulatorOptions;
  /**
   * Client-side rate limiting shared by every call through this connection, so a burst queues
   * instead of failing. Default: limits from TRELLIS_RATE_LIMIT_RPM / TRELLIS_RATE_LIMIT_TPM (none
   * when unset), always tightened by the API's anthropic-ratelimit-* headers. `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
}

export interface ClaudeConnection {
  client: Anthropic;
  mode: 'simulator' | 'anthropic';
  baseURL: string;
  /** The in-process simulator, in simulator mode. */
  simulator?: RunningSimulator;
  /** Stops the in-process simulator, if any. */
  close(): Promise<void>;
}

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * The one place that builds the SDK client (PRODUCT.md §9): the real API when ANTHROPIC_API_KEY is
 * set (honouring ANTHROPIC_BASE_URL), otherwise the offline simulator on a free loopback port.
 * Both the key and the base URL are always passed explicitly so the SDK never reads them itself.
 */
export async function createClaude(options: CreateClaudeOptions = {}): Promise<ClaudeConnection> {
  const env = options.env ?? process.env;
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  const limiter = options.rateLimit === false ? undefined : createRateLimitedFetch(options.rateLimit ?? { defaults: limitsFromEnv(env) });
  const clientOptions = {
    ...(limiter ? { fetch: limiter } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
  };
  if (apiKey) {
    const baseURL = env.ANTHROPIC_BASE_URL?.trim() || DEFAULT_BASE_URL;
    return {
      client: new Anthropic({ apiKey, baseURL, ...clientOptions }),
      mode: 'anthropic',
      baseURL,
      close: async () => {},
    };
  }
  // Loaded only here: with a key, the simulator (its server, tokenizer, image reader) is never imported.
  const { startSimulator } = await import('../simulator');
  // A fresh key per process, known only to this client: any other program on the machine that
  // finds the port still cannot call it (read stored batch results, spend its quota). Passing a key
  // also keeps the SDK from consulting ANTHROPIC_AUTH_TOKEN and credential profiles.
  const key = options.simulator?.key ?? `sk-trellis-sim-${randomBytes(24).toString('base64url')}`;
  const simulator = await startSimulator({ ...options.simulator, key, host: options.simulator?.host ?? '127.0.0.1' });
  return {
    client: new Anthropic({ apiKey: key, baseURL: simulator.url, ...clientOptions }),
    mode: 'simulator',
    baseURL: simulator.url,
    simulator,
    close: () => simulator.close(),
  };
}

function limitsFromEnv(env: Record<string, string | undefined>): RateLimitOptions['defaults'] {
  const positive = (value: string | undefined) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
  };
  const requestsPerMinute = positive(env.TRELLIS_RATE_LIMIT_RPM);
  const tokensPerMinute = positive(env.TRELLIS_RATE_LIMIT_TPM);
  if (requestsPerMinute === undefined && tokensPerMinute === undefined) return undefined;
  return { requestsPerMinute, tokensPerMinute };
}
