import type { Json, JsonSchema } from '../../shared/json-schema';

/**
 * One assertion on a finished run. `path` points into the case's run view (see RunView); every
 * matcher given must hold.
 */
export interface Assertion {
  path: string;
  /** Deep JSON equality. */
  equals?: Json;
  /** Strings: substring. Arrays: an element deep-equal to this. */
  contains?: Json;
  /** A JavaScript regular expression (≤ 500 chars) tested against the string (or JSON text) at `path`. */
  regex?: string;
  /** Regex flags, from `imsu`. */
  flags?: string;
  /** A JSON Schema (2020-12) the value must satisfy. */
  schema?: JsonSchema;
}

/** One line of a cases file. */
export interface TestCase {
  name: string;
  input: { [key: string]: Json };
  expect: Assertion[];
  /** 1-based line in the cases file, for messages. */
  line: number;
}

export const MATCHERS = ['equals', 'contains', 'regex', 'schema'] as const;
export type MatcherName = (typeof MATCHERS)[number];

/** What a case's assertions read: `outputs.<id>…`, `nodes.<id>…` (or `<id>…`), `run.status`. */
export interface RunView {
  /** The run's outputs keyed by output node id (run.completed). */
  outputs: { [outputNodeId: string]: Json };
  /** Each completed node's output; a tool node's entry is `{calls: [{input, output, is_error}]}`. */
  nodes: { [nodeId: string]: Json };
  run: { status: 'completed' | 'failed' | 'canceled' | 'incomplete'; error?: Json; skipped: string[] };
}

export interface MatcherResult {
  path: string;
  matcher: MatcherName;
  expected: Json | undefined;
  /** What was found at `path` (undefined when the path does not exist). */
  actual: Json | undefined;
  passed: boolean;
  /** Why it failed, in words (path missing, regex did not match, schema errors…). */
  message?: string;
}

export interface CaseResult {
  name: string;
  line: number;
  passed: boolean;
  status: RunView['run']['status'];
  /** The run did not complete and no assertion is about `run.status`. */
  runError?: string;
  results: MatcherResult[];
  duration_ms: number;
}

export interface SuiteResult {
  workflowId: string;
  passed: boolean;
  cases: CaseResult[];
  duration_ms: number;
}
