import type { IssueFix } from '../../../shared/validation/workflow-issue';
import { applyIssueFix } from './apply-issue-fix';

/** The one-click fix an issue carries; what it changes is listed in its tooltip. */
export function FixButton({ fix, testId = 'issue-fix' }: { fix: IssueFix; testId?: string }) {
  const changes = fix.changes.map((change) => (change.value === undefined ? `remove ${change.path}` : `${change.path} = ${JSON.stringify(change.value)}`)).join('\n');
  return (
    <button type="button" className="button button--small button--fix" data-testid={testId} title={changes} onClick={() => applyIssueFix(fix)}>
      {fix.label}
    </button>
  );
}
