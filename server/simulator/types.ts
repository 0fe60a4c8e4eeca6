/**
 * Public types of the offline simulator. Other engineers (engine, CLI, server, bench) code against
 * these names; change them only by adding optional fields.
 */

/** Which requests a script rule or an injected fault applies to. All given fields must match. */
export interface Matcher {
  model?: string;
  /** Exact request path, e.g. `/v1/messages` or `/v1/messages/count_tokens`. */
  path?: string;
  /** A substring of the last user turn's text, or `{regex}` (with optional `flags`). */
  lastUserText?: string | { regex: string; flags?: string };
  /** A substring of the system prompt. */
  system?: string;
  /** The request offers a tool with this name. */
  toolName?: string;
  stream?: boolean;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfterMs?: number; retryAfter?: number | string; shouldRetry?: boolean; errorType?: string; message?: string }
  /** An `event: error` after this many content deltas (0 = before the first delta). */
  | { kind: 'mid_stream_error'; afterDeltas: number; errorType?: string }
  /** Close the socket after this many content deltas, without `message_stop`. */
  | { kind: 'truncate'; afterDeltas: number }
  /** Destroy the socket before any response byte. */
  | { kind: 'reset' }
  /** Wait this long before the first content delta (after the response headers). */
  | { kind: 'slow_first_token'; ms: number };

export interface ScriptResponse {
  status?: number;
  error?: { type: string; message: string };
  headers?: Record<string, string>;
  /** Response content blocks; tool_use blocks may omit `id` and `caller`. */
  content?: Record<string, unknown>[];
  stop_reason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal' | 'model_context_window_exceeded';
  stop_sequence?: string | null;
  /** With `stop_reason: "refusal"` (SDK `RefusalStopDetails`). */
  stop_details?: { type: 'refusal'; category: 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms' | null; explanation: string | null } | null;
  usage?: { input_tokens?: number; output_tokens?: number; cache_creation_input_tokens?: number; cache_read_input_tokens?: number };
  fault?: Fault;
}

export interface ScriptRule {
  match?: Matcher;
  respond: ScriptResponse;
  /** How many requests this rule answers before it is used up (default: unlimited). */
  times?: number;
}

export interface LatencyModel {
  /** Delay before the first content delta (streaming) or the whole response (non-streaming). */
  firstTokenMs?: number;
  /** Output pace; 0 or absent = as fast as possible. */
  tokensPerSecond?: number;
  /** Reserved: the simulator is deterministic, so only 0 is accepted. */
  jitter?: 0;
}

export interface RateLimitOptions {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

export interface SimulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Rules, or the path of a JSON file holding an array of rules. */
  script?: ScriptRule[] | string;
  latency?: LatencyModel;
  /** Epoch ms; drives prompt-cache TTLs, rate-limit windows and batch timestamps. */
  now?: () => number;
  /** Which API keys are valid (default: any non-empty key). */
  acceptKey?: (key: string) => boolean;
  /**
   * The one API key accepted, compared in constant time. The embedded simulator sets a random
   * per-process key that only its in-process client knows, so another local program (or a page
   * that got past the Host check) cannot use it; tests and the standalone simulator leave it unset.
   */
  key?: string;
  rateLimit?: RateLimitOptions;
  /** Milliseconds spent per batch request in the background (default 2). */
  batchRequestMs?: number;
}

export interface SimulatorRequestLog {
  /** The `request-id` sent back. */
  id: string;
  method: string;
  path: string;
  /** Lower-cased request headers; credentials are replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** `x-stainless-retry-count` (0 when absent). */
  retryCount: number;
  status?: number;
  /** The client closed the connection before the response finished. */
  clientClosed: boolean;
  stream: boolean;
}

export interface FaultOptions {
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Default: `POST /v1/messages` requests only. */
  match?: Matcher;
}

export interface RunningSimulator {
  /** http://HOST:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every request in arrival order. */
  requests: SimulatorRequestLog[];
  /** Replace the scripted rules. */
  script(rules: ScriptRule[]): void;
  injectFault(fault: Fault, options?: FaultOptions): void;
  setLatency(latency: LatencyModel): void;
  /** Forget requests, rules, faults, the prompt cache, batches and rate-limit windows. */
  reset(): void;
}
