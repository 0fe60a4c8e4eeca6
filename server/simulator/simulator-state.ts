import type { FaultQueue } from './fault-queue';
import type { PromptCache } from './prompt-cache';
import type { RateLimiter } from './rate-limiter';
import type { ScriptBook } from './script-book';
import type { LatencyModel } from './types';

/** The mutable state the request handlers share. */
export interface SimulatorState {
  now: () => number;
  cache: PromptCache;
  script: ScriptBook;
  faults: FaultQueue;
  latency: LatencyModel;
  rateLimiter?: RateLimiter;
}
