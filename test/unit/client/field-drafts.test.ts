import { beforeEach, describe, expect, it } from 'vitest';
import { clearFieldDrafts, clearFieldDraftsOnOpen, dropFieldDraft, fieldDraftCount, fieldDrafts, keepFieldDraft } from '../../../client/src/drafts/field-drafts';
import { createAppStore } from '../../../client/src/store/app-store';
import { blankWorkflow } from '../../../client/src/store/blank-workflow';

describe('field drafts', () => {
  beforeEach(() => clearFieldDrafts());

  it('keeps invalid text per field until it parses again', () => {
    keepFieldDraft('tool_1/input_schema', { text: '{"type": ', error: 'Unexpected end' });
    keepFieldDraft('workflow/inputs', { text: '{', error: 'Unexpected end' });
    expect(fieldDrafts.getState().drafts['tool_1/input_schema']?.text).toBe('{"type": ');
    expect(fieldDraftCount()).toBe(2);
    dropFieldDraft('tool_1/input_schema');
    expect(fieldDrafts.getState().drafts['tool_1/input_schema']).toBeUndefined();
    expect(fieldDraftCount()).toBe(1);
  });

  it('forgets them when another document opens, not on an ordinary edit', () => {
    const store = createAppStore();
    clearFieldDraftsOnOpen(store);
    keepFieldDraft('workflow/inputs', { text: '{', error: 'Unexpected end' });
    store.getState().updateMeta({ name: 'Edited' });
    expect(fieldDraftCount()).toBe(1);
    store.getState().openDocument(blankWorkflow('other'), 'other');
    expect(fieldDraftCount()).toBe(0);
  });
});
