import type { Summary } from './summarize';

/** A target from the issue: `value` must be at most (`<=`) or at least (`>=`) `limit`. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  op: '<=' | '>=';
  limit: number;
}

export interface BenchmarkOutcome {
  figures: Figure[];
  /** What each figure is compared against, measured in the same run. */
  baseline: Record<string, number | string>;
  /** Raw sample summaries (ms unless the key says otherwise). */
  samples: Record<string, Summary>;
  notes?: string[];
  /** Set when the benchmark could not run (e.g. no Chromium); figures are then empty. */
  skipped?: string;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchmarkOutcome>;
}

export function isMet(figure: Figure): boolean {
  return figure.op === '<=' ? figure.value <= figure.limit : figure.value >= figure.limit;
}

export function figure(label: string, value: number, unit: string, op: Figure['op'], limit: number): Figure {
  return { label, value, unit, op, limit };
}
