import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../store/use-app-store';
import { FixButton } from './FixButton';

/** Every validation issue of the open document; clicking one selects its node. */
export function IssueList() {
  const { errors, warnings, checked } = useAppStore(useShallow((state) => ({ errors: state.issues.errors, warnings: state.issues.warnings, checked: state.issues.checked })));
  const issues = [...errors, ...warnings];
  return (
    <section className="issues" data-testid="issues" data-count={issues.length}>
      <h3>
        Issues{' '}
        <span className={`issues__count ${errors.length > 0 ? 'issues__count--error' : warnings.length > 0 ? 'issues__count--warning' : ''}`}>
          {checked ? (issues.length === 0 ? 'none' : `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`) : 'checking…'}
        </span>
      </h3>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => (
            <li key={`${issue.rule}:${issue.path}:${index}`} className="issues__item" data-testid="issue-item" data-rule={issue.rule}>
              <button
                type="button"
                className={`issue issue--${issue.severity}`}
                data-testid="issue"
                data-node-id={issue.nodeId}
                onClick={() => issue.nodeId && appStore.getState().selectNode(issue.nodeId)}
                disabled={!issue.nodeId}
              >
                <span className="issue__where">{issue.nodeId ?? issue.edgeId ?? (issue.path || 'workflow')}</span>
                <span className="issue__message">{issue.message}</span>
                <span className="issue__rule">{issue.rule}</span>
              </button>
              {issue.fix && <FixButton fix={issue.fix} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
