import { describeIssue, type ReportedIssue } from './describe-issue';

/** Prints `<subject>: N errors` and one indented line per issue on stderr. */
export function printIssues(subject: string, issues: readonly ReportedIssue[]): void {
  process.stderr.write(`${subject}: ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}\n`);
  for (const issue of issues) process.stderr.write(`  ${describeIssue(issue)}\n`);
}
