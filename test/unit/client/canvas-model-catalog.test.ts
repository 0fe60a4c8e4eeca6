import { describe, expect, it } from 'vitest';
import { factsCatalog, MODEL_FACTS, type ModelProfile } from '../../../shared/claude-models';
import { canvasModelCatalog } from '../../../client/src/models/canvas-model-catalog';
import { modelOptions } from '../../../client/src/models/model-choices';

const facts = factsCatalog();
const sonnet = facts.find('claude-sonnet-4-6') as ModelProfile;
const live = (patch: Partial<ModelProfile>): ModelProfile => ({ ...sonnet, facts: undefined, source: 'api', ...patch });

describe('canvasModelCatalog', () => {
  it('is the facts table until /api/models answers', () => {
    const models = canvasModelCatalog(null);
    expect(models.source).toBe('facts');
    expect(models.choices.map((choice) => choice.id).sort()).toEqual(MODEL_FACTS.map((row) => row.id).sort());
    expect(models.catalog.find('claude-opus-5-5')?.effort_levels).toContain('xhigh');
  });

  it('uses the profiles /api/models answers, newest first and retired last', () => {
    const models = canvasModelCatalog([
      live({ id: 'claude-old-1', display_name: 'Old', created_at: '2027-02-01T00:00:00Z', lifecycle: 'retired' }),
      live({ id: 'claude-new-1', display_name: 'New', created_at: '2027-01-01T00:00:00Z', effort_levels: ['low'] }),
      live({ id: 'claude-mid-1', display_name: 'Mid', created_at: '2026-01-01T00:00:00Z', lifecycle: 'deprecated' }),
    ]);
    expect(models.source).toBe('api');
    expect(models.choices.map((choice) => [choice.id, choice.lifecycle])).toEqual([
      ['claude-new-1', 'active'],
      ['claude-mid-1', 'deprecated'],
      ['claude-old-1', 'retired'],
    ]);
    expect(models.catalog.find('claude-new-1')?.effort_levels).toEqual(['low']);
    // Only what the server listed: the facts table does not add models to a live answer.
    expect(models.catalog.find('claude-sonnet-4-6')).toBeUndefined();
  });

  // The answer of a server from before model profiles: catalogue rows without effort levels or lifecycle.
  const OLD_SHAPE = [
    { id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z', max_tokens: 64_000, thinking_types: ['enabled', 'adaptive'], price: { input: 3, output: 15 } },
    { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z', max_tokens: 64_000, thinking_types: ['enabled'], price: { input: 1, output: 5 } },
  ];

  it('reads the older shape through the facts table, and keeps a bare model as a choice without a profile', () => {
    const models = canvasModelCatalog([...OLD_SHAPE, { id: 'claude-mystery', display_name: 'Mystery', created_at: '2027-01-01T00:00:00Z' }]);
    expect(models.source).toBe('facts');
    expect(models.catalog.find(OLD_SHAPE[0]!.id)).toEqual(facts.find(OLD_SHAPE[0]!.id));
    expect(models.catalog.find('claude-mystery')).toBeUndefined();
    expect(models.choices.map((choice) => choice.id).sort()).toEqual([OLD_SHAPE[0]!.id, OLD_SHAPE[1]!.id, 'claude-mystery'].sort());
    expect(models.choices.at(-1)).toEqual({ id: 'claude-mystery', display_name: 'Mystery', lifecycle: 'unknown' });
  });

  it('falls back to the facts table when the answer lists nothing', () => {
    expect(canvasModelCatalog([]).choices.length).toBe(MODEL_FACTS.length);
  });
});

describe('modelOptions', () => {
  const models = canvasModelCatalog([
    live({ id: 'claude-new-1', display_name: 'New', created_at: '2027-01-01T00:00:00Z' }),
    live({ id: 'claude-mid-1', display_name: 'Mid', created_at: '2026-01-01T00:00:00Z', lifecycle: 'deprecated' }),
    live({ id: 'claude-old-1', display_name: 'Old', created_at: '2025-01-01T00:00:00Z', lifecycle: 'retired' }),
  ]);

  it('offers the default and every model that is not retired, deprecated ones marked', () => {
    expect(modelOptions(models, undefined, 'claude-new-1')).toEqual([
      { value: '', label: 'Workflow default (claude-new-1)' },
      { value: 'claude-new-1', label: 'New — claude-new-1' },
      { value: 'claude-mid-1', label: 'Mid — claude-mid-1 (deprecated)' },
    ]);
  });

  it('keeps a retired or unknown current value visible and says why it is a problem', () => {
    const retired = modelOptions(models, 'claude-old-1', 'x');
    expect(retired.at(-1)).toMatchObject({ value: 'claude-old-1', label: 'Old — claude-old-1 (retired)' });
    expect(retired.at(-1)?.problem).toMatch(/retired/);
    const unknown = modelOptions(models, 'claude-typo', 'x');
    expect(unknown.at(-1)).toMatchObject({ value: 'claude-typo', label: 'claude-typo (unknown model)' });
    expect(modelOptions(models, 'claude-mid-1', 'x').find((option) => option.value === 'claude-mid-1')?.problem).toMatch(/deprecated/);
  });
});
