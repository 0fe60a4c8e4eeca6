import { excerpt } from './excerpt';
import type { SuiteResult } from './test-case';

const EXPECTED_CHARS = 32;
const ACTUAL_CHARS = 48;

/**
 * The human report: one row per checked matcher (case, assertion, expected, actual excerpt,
 * result and why), a row for a run that did not complete, and a summary line.
 */
export function formatResultsTable(suite: SuiteResult): string {
  const rows: string[][] = [['CASE', 'ASSERTION', 'EXPECTED', 'ACTUAL', 'RESULT']];
  for (const testCase of suite.cases) {
    // The run's error goes in the last, unpadded column so it is never cut short.
    if (testCase.runError !== undefined) rows.push([testCase.name, 'run.status equals', '"completed"', excerpt(testCase.status, ACTUAL_CHARS), `FAIL: ${testCase.runError}`]);
    for (const result of testCase.results) {
      rows.push([testCase.name, `${result.path} ${result.matcher}`, excerpt(result.expected, EXPECTED_CHARS), excerpt(result.actual, ACTUAL_CHARS), result.passed ? 'pass' : `FAIL: ${result.message ?? ''}`]);
    }
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  '));
  const passedCases = suite.cases.filter((testCase) => testCase.passed).length;
  const checks = suite.cases.flatMap((testCase) => testCase.results);
  const passedChecks = checks.filter((result) => result.passed).length;
  lines.push('', `${suite.passed ? 'PASS' : 'FAIL'} ${suite.workflowId}: ${passedCases} of ${suite.cases.length} cases passed, ${passedChecks} of ${checks.length} checks passed`);
  return `${lines.join('\n')}\n`;
}
