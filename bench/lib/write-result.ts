import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMet, type Benchmark, type BenchmarkOutcome } from './benchmark';
import type { MachineInfo } from './machine-info';

export interface StoredResult extends BenchmarkOutcome {
  name: string;
  description: string;
  date: string;
  machine: MachineInfo;
  allMet: boolean;
}

/** Writes `bench/results/<name>.json` and returns what was written. */
export function writeResult(dir: string, benchmark: Benchmark, outcome: BenchmarkOutcome, machine: MachineInfo): StoredResult {
  const result: StoredResult = {
    name: benchmark.name,
    description: benchmark.description,
    date: new Date().toISOString(),
    machine,
    allMet: outcome.skipped === undefined && outcome.figures.every(isMet),
    ...outcome,
    figures: outcome.figures.map((item) => ({ ...item, met: isMet(item) })),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${benchmark.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
