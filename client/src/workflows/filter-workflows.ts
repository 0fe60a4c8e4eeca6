import type { WorkflowSummary } from '../api/api-types';

/**
 * The workflows whose name, id or description contain every word of `query` (any case, any
 * order), so "triage support" finds *Support triage*. An empty query keeps them all.
 */
export function filterWorkflows(workflows: readonly WorkflowSummary[], query: string): WorkflowSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...workflows];
  return workflows.filter((workflow) => {
    const haystack = `${workflow.name} ${workflow.id} ${workflow.description ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
