import type { StateCreator } from 'zustand';
import type { WorkflowIssue } from '../../../shared/validate-workflow';

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export interface IssuesSlice {
  issues: { errors: WorkflowIssue[]; warnings: WorkflowIssue[]; byNode: Readonly<Record<string, IssueCounts>>; checked: boolean };
  setIssues(errors: WorkflowIssue[], warnings: WorkflowIssue[]): void;
}

export const NO_ISSUES: IssueCounts = Object.freeze({ errors: 0, warnings: 0 });

export const createIssuesSlice: StateCreator<IssuesSlice, [], [], IssuesSlice> = (set) => ({
  issues: { errors: [], warnings: [], byNode: {}, checked: false },
  setIssues: (errors, warnings) => {
    const byNode: Record<string, IssueCounts> = {};
    for (const issue of [...errors, ...warnings]) {
      if (!issue.nodeId) continue;
      const counts = (byNode[issue.nodeId] ??= { errors: 0, warnings: 0 });
      if (issue.severity === 'error') counts.errors += 1;
      else counts.warnings += 1;
    }
    set({ issues: { errors, warnings, byNode, checked: true } });
  },
});
