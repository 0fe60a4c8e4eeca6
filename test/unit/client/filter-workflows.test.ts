import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../../client/src/api/api-types';
import { filterWorkflows } from '../../../client/src/workflows/filter-workflows';

const summary = (id: string, name: string, description?: string): WorkflowSummary => ({ id, name, description, nodeCount: 2, createdAt: 0, updatedAt: 0 });
const all = [summary('support-triage', 'Support triage', 'Routes tickets'), summary('code-review', 'Code review'), summary('haiku', 'Haiku maker')];

describe('filterWorkflows', () => {
  it('keeps every workflow for an empty or blank query', () => {
    expect(filterWorkflows(all, '   ').map((w) => w.id)).toEqual(['support-triage', 'code-review', 'haiku']);
  });

  it('matches every word in any order and any case, across name, id and description', () => {
    expect(filterWorkflows(all, 'TRIAGE support').map((w) => w.id)).toEqual(['support-triage']);
    expect(filterWorkflows(all, 'tickets').map((w) => w.id)).toEqual(['support-triage']);
    expect(filterWorkflows(all, 'code-rev').map((w) => w.id)).toEqual(['code-review']);
  });

  it('finds nothing when one word matches nothing', () => {
    expect(filterWorkflows(all, 'haiku nothing')).toEqual([]);
  });
});
