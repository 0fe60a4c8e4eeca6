import { escapeXml } from './escape-xml';
import { excerpt } from './excerpt';
import type { CaseResult, SuiteResult } from './test-case';

const DETAIL_CHARS = 2_000;

/**
 * JUnit XML as CI systems read it: one <testsuite> for the workflow, one <testcase> per case.
 * Assertion failures are <failure>; a run that did not complete is an <error>.
 */
export function toJunitXml(suite: SuiteResult): string {
  const failures = suite.cases.filter((testCase) => testCase.runError === undefined && !testCase.passed).length;
  const errors = suite.cases.filter((testCase) => testCase.runError !== undefined).length;
  const attrs = `tests="${suite.cases.length}" failures="${failures}" errors="${errors}" time="${seconds(suite.duration_ms)}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="trellis test" ${attrs}>`,
    `  <testsuite name="${escapeXml(suite.workflowId)}" ${attrs}>`,
    ...suite.cases.map((testCase) => testcase(suite.workflowId, testCase)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function testcase(workflowId: string, testCase: CaseResult): string {
  const open = `    <testcase classname="${escapeXml(workflowId)}" name="${escapeXml(testCase.name)}" time="${seconds(testCase.duration_ms)}"`;
  const failed = testCase.results.filter((result) => !result.passed);
  if (testCase.passed) return `${open}/>`;
  const body: string[] = [];
  if (testCase.runError !== undefined) body.push(`      <error type="run_failed" message="${escapeXml(testCase.runError)}">${escapeXml(testCase.runError)}</error>`);
  if (failed.length > 0) {
    const first = failed[0];
    const message = `${first?.path} ${first?.matcher}: ${first?.message ?? 'failed'}${failed.length > 1 ? ` (+${failed.length - 1} more)` : ''}`;
    const details = failed.map((result) => `${result.path} ${result.matcher}\n  expected: ${excerpt(result.expected, DETAIL_CHARS)}\n  actual:   ${excerpt(result.actual, DETAIL_CHARS)}\n  ${result.message ?? ''}`).join('\n');
    body.push(`      <failure type="assertion" message="${escapeXml(message)}">${escapeXml(details)}</failure>`);
  }
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
