import { useShallow } from 'zustand/react/shallow';
import { FixButton } from '../issues/FixButton';
import { messageOnNode } from '../issues/message-on-node';
import { useAppStore } from '../store/use-app-store';

/** The selected node's own issues at the top of its form, each with its one-click fix when it has one. */
export function NodeIssues({ nodeId }: { nodeId: string }) {
  const issues = useAppStore(useShallow((state) => [...state.issues.errors, ...state.issues.warnings].filter((issue) => issue.nodeId === nodeId)));
  if (issues.length === 0) return null;
  return (
    <ul className="node-issues" data-testid="node-issues-list">
      {issues.map((issue, index) => (
        <li key={`${issue.rule}:${issue.path}:${index}`} className={`node-issues__item issue--${issue.severity}`} data-testid="node-issue" data-rule={issue.rule}>
          <span className="node-issues__message">{messageOnNode(issue.message, nodeId)}</span>
          {issue.fix && <FixButton fix={issue.fix} testId="node-issue-fix" />}
        </li>
      ))}
    </ul>
  );
}
