import type { Benchmark } from '../lib/benchmark';
import { engineOverhead } from './engine-overhead';

/** Every benchmark `npm run bench` runs, in this order (cheap and precise ones first). */
export const ALL_BENCHMARKS: Benchmark[] = [engineOverhead];
