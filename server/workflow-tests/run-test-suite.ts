import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';
import { runWorkflow } from '../engine/run-workflow';
import { engineDepsOf, type EngineEnvironment } from '../environment';
import { checkAssertion } from './check-assertion';
import { collectRunView } from './collect-run-view';
import { splitPath } from './split-path';
import type { CaseResult, SuiteResult, TestCase } from './test-case';

export interface SuiteOptions {
  /** Every case runs in this environment, as `trellis run` would run it. */
  environment: EngineEnvironment;
  /** Stops the suite: the running case is canceled and no further case starts. */
  signal?: AbortSignal;
  /** Nodes at once inside a case. */
  concurrency?: number;
  /** Clock for the reported durations (default Date.now). */
  now?: () => number;
  /** Called after each case, e.g. to print progress. */
  onCase?: (result: CaseResult) => void;
}

/**
 * Runs the cases one after another (so a cassette's identical requests replay in a stable order
 * and the simulator sees one case at a time) and checks each case's assertions.
 */
export async function runTestSuite(workflow: Workflow, cases: readonly TestCase[], options: SuiteOptions): Promise<SuiteResult> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const results: CaseResult[] = [];
  for (const [index, testCase] of cases.entries()) {
    const caseStartedAt = now();
    const events: TraceEvent[] = [];
    const deps = engineDepsOf(options.environment, { runId: `test_${index + 1}`, signal: options.signal, concurrency: options.concurrency });
    for await (const event of runWorkflow(workflow, testCase.input, deps)) events.push(event);
    const view = collectRunView(events);
    const matcherResults = testCase.expect.flatMap((assertion) => checkAssertion(view, assertion));
    const expectsRunStatus = testCase.expect.some((assertion) => splitPath(assertion.path)?.[0] === 'run');
    const runError = view.run.status !== 'completed' && !expectsRunStatus ? describeRunError(view.run.status, view.run.error) : undefined;
    const result: CaseResult = {
      name: testCase.name,
      line: testCase.line,
      passed: runError === undefined && matcherResults.every((item) => item.passed),
      status: view.run.status,
      results: matcherResults,
      duration_ms: now() - caseStartedAt,
    };
    if (runError !== undefined) result.runError = runError;
    results.push(result);
    options.onCase?.(result);
    if (options.signal?.aborted) break;
  }
  return { workflowId: workflow.id, passed: results.length === cases.length && results.every((item) => item.passed), cases: results, duration_ms: now() - startedAt };
}

function describeRunError(status: string, error: unknown): string {
  const detail = error as { type?: string; message?: string; nodeId?: string } | undefined;
  const where = detail?.nodeId ? ` at ${detail.nodeId}` : '';
  return `run ${status}${where}${detail?.message ? ` (${detail.type ?? 'error'}): ${detail.message}` : ''}`;
}
