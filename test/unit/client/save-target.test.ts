import { describe, expect, it } from 'vitest';
import { saveTarget } from '../../../client/src/workflows/save-target';

describe('saveTarget', () => {
  const taken = new Set(['haiku', 'support-triage']);

  it('replaces the workflow the document was opened from', () => {
    expect(saveTarget('haiku', 'haiku', taken)).toEqual({ kind: 'replace' });
  });

  it('creates a never-saved document, or one whose id was changed to a free one', () => {
    expect(saveTarget(null, 'fresh', taken)).toEqual({ kind: 'create' });
    expect(saveTarget('haiku', 'haiku-v2', taken)).toEqual({ kind: 'create' });
  });

  it('reports a clash, with a free id to offer, when the id names another stored workflow', () => {
    expect(saveTarget(null, 'haiku', taken)).toEqual({ kind: 'clash', suggestedId: 'haiku-2' });
    expect(saveTarget('haiku', 'support-triage', taken)).toEqual({ kind: 'clash', suggestedId: 'support-triage-2' });
  });
});
