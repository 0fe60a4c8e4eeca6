import type { Benchmark } from '../lib/benchmark';
import { canvasFrames } from './canvas-frames';
import { chainWallTime } from './chain-wall-time';
import { concurrentRuns } from './concurrent-runs';
import { engineOverhead } from './engine-overhead';
import { parallelFanOut } from './parallel-fan-out';
import { sseDeltaLatency } from './sse-delta-latency';
import { storeThroughput } from './store-throughput';

/** Every benchmark `npm run bench` runs, in this order (cheap and precise ones first). */
export const ALL_BENCHMARKS: Benchmark[] = [engineOverhead, storeThroughput, sseDeltaLatency, chainWallTime, parallelFanOut, concurrentRuns, canvasFrames];
