import type { WorkflowIssue } from '../../shared/validate-workflow';

export type ReportedIssue = Pick<WorkflowIssue, 'nodeId' | 'edgeId' | 'path' | 'rule' | 'message'>;

/** `/nodes/2/config [rule] (node x): message`, the one-line form every command prints. */
export function describeIssue(issue: ReportedIssue): string {
  const where = [issue.nodeId && `node ${issue.nodeId}`, issue.edgeId && `edge ${issue.edgeId}`].filter(Boolean).join(', ');
  return `${issue.path || '/'} [${issue.rule}]${where ? ` (${where})` : ''}: ${issue.message}`;
}
