import { describe, expect, it } from 'vitest';
import { factsCatalog, type ModelProfile } from '../../../shared/claude-models';
import { effortThinkingOptions } from '../../../client/src/models/effort-thinking-options';

const facts = factsCatalog();
const profile = (id: string): ModelProfile => {
  const found = facts.find(id);
  if (!found) throw new Error(`the facts table has no ${id}`);
  return found;
};
const values = (field: { options: { value: string }[] }) => field.options.map((option) => option.value);

/** A model the table does not know, as the live Models API would describe it. */
const liveOnly: ModelProfile = {
  id: 'claude-future-1',
  display_name: 'Claude Future 1',
  created_at: '2027-01-01T00:00:00Z',
  line: null,
  lifecycle: 'active',
  deprecated_at: null,
  retires_at: null,
  max_input_tokens: 200_000,
  max_tokens: 64_000,
  thinking_types: ['adaptive'],
  effort_levels: ['low', 'high'],
  structured_outputs: true,
  image_input: true,
  pdf_input: false,
  source: 'api',
};

describe('effortThinkingOptions', () => {
  it('offers only the effort levels the model accepts and names its default', () => {
    const options = effortThinkingOptions(profile('claude-sonnet-4-6'), {});
    expect(options.effort.shown).toBe(true);
    expect(values(options.effort)).toEqual(['', 'low', 'medium', 'high', 'max']);
    expect(options.effort.options[0]!.label).toBe('default (high)');
    expect(options.effort.problem).toBeUndefined();
  });

  it('hides effort on a model that takes none, unless a value is set, which stays visible and is marked', () => {
    expect(effortThinkingOptions(profile('claude-haiku-4-5'), {}).effort).toMatchObject({ shown: false, note: 'Claude Haiku 4.5 takes no effort setting.' });
    const set = effortThinkingOptions(profile('claude-haiku-4-5'), { effort: 'high' });
    expect(set.effort.shown).toBe(true);
    expect(set.effort.value).toBe('high');
    expect(set.effort.options.find((option) => option.value === 'high')).toMatchObject({ rejected: true });
    expect(set.effort.problem).toMatch(/takes no effort setting/);
  });

  it('keeps an effort level the model refuses in the list, marked, with what to use instead', () => {
    const options = effortThinkingOptions(profile('claude-opus-4-6'), { effort: 'xhigh' });
    expect(values(options.effort)).toEqual(['', 'low', 'medium', 'high', 'xhigh', 'max']);
    expect(options.effort.options.filter((option) => option.rejected).map((option) => option.value)).toEqual(['xhigh']);
    expect(options.effort.problem).toBe('Claude Opus 4.6 does not accept effort "xhigh"; use low, medium, high, max or the model default.');
  });

  it('offers the thinking types of the model, with its default named', () => {
    const sonnet55 = effortThinkingOptions(profile('claude-sonnet-5-5'), {});
    expect(values(sonnet55.thinking)).toEqual(['', 'adaptive', 'between_tools']);
    expect(sonnet55.thinking.options[0]!.label).toBe('default (adaptive)');
    // A type allowed only up to an effort says so.
    expect(sonnet55.thinking.options[2]!.label).toBe('between tool calls (effort high or lower)');
    const haiku45 = effortThinkingOptions(profile('claude-haiku-4-5'), {});
    expect(values(haiku45.thinking)).toEqual(['', 'enabled', 'disabled']);
    expect(haiku45.thinking.options[0]!.label).toBe('default (off)');
  });

  it('has no "model default" thinking on the Thinking node, which must name a type', () => {
    const options = effortThinkingOptions(profile('claude-opus-5-5'), { thinking: { type: 'adaptive' } }, true);
    expect(values(options.thinking)).toEqual(['adaptive']);
  });

  it('marks a thinking type the model refuses and says which it accepts', () => {
    const options = effortThinkingOptions(profile('claude-opus-5-5'), { thinking: { type: 'enabled', budget_tokens: 2048 } }, true);
    expect(options.thinking.value).toBe('enabled');
    expect(options.thinking.options.find((option) => option.value === 'enabled')).toMatchObject({ rejected: true });
    expect(options.thinking.problem).toBe('Claude Opus 5.5 does not accept thinking "enabled"; it accepts adaptive.');
    expect(options.thinking.options.at(-1)?.label).toBe('enabled (budget) — not accepted by Claude Opus 5.5');
    expect(options.budget).toEqual({ shown: true, value: 2048 });
  });

  it('marks a thinking type used above its effort ceiling, counting the model default effort', () => {
    expect(effortThinkingOptions(profile('claude-sonnet-5-5'), { thinking: { type: 'between_tools' }, effort: 'max' }).thinking.problem).toMatch(/only at effort high or lower; effort is max\.$/);
    expect(effortThinkingOptions(profile('claude-sonnet-5-5'), { thinking: { type: 'between_tools' }, effort: 'medium' }).thinking.problem).toBeUndefined();
    // Haiku 5.5 takes `disabled` only up to high; its default (medium) is fine.
    expect(effortThinkingOptions(profile('claude-haiku-5-5'), { thinking: { type: 'disabled' } }).thinking.problem).toBeUndefined();
  });

  it('shows display for adaptive and enabled only, naming the model default', () => {
    expect(effortThinkingOptions(profile('claude-sonnet-5-5'), {}).display.shown).toBe(false);
    expect(effortThinkingOptions(profile('claude-sonnet-5-5'), { thinking: { type: 'between_tools' } }).display.shown).toBe(false);
    const adaptive = effortThinkingOptions(profile('claude-sonnet-5-5'), { thinking: { type: 'adaptive', display: 'summarized' } });
    expect(adaptive.display).toMatchObject({ shown: true, value: 'summarized' });
    expect(values(adaptive.display)).toEqual(['', 'summarized', 'omitted']);
    expect(adaptive.display.options[0]!.label).toBe('default (omitted)');
    expect(effortThinkingOptions(profile('claude-sonnet-4-6'), { thinking: { type: 'adaptive' } }).display.options[0]!.label).toBe('default (summarized)');
  });

  it('reads a live-only model from its capabilities, without defaults it cannot know', () => {
    const options = effortThinkingOptions(liveOnly, { effort: 'medium' });
    expect(values(options.effort)).toEqual(['', 'low', 'medium', 'high']);
    expect(options.effort.options[0]!.label).toBe('model default');
    expect(options.effort.problem).toMatch(/use low, high or the model default/);
    expect(values(options.thinking)).toEqual(['', 'adaptive']);
  });

  it('offers everything, marking nothing, when the model is unknown', () => {
    const options = effortThinkingOptions(undefined, { effort: 'xhigh', thinking: { type: 'enabled', budget_tokens: 1024 } });
    expect(options.known).toBe(false);
    expect(values(options.effort)).toEqual(['', 'low', 'medium', 'high', 'xhigh', 'max']);
    expect(values(options.thinking)).toEqual(['', 'adaptive', 'enabled', 'between_tools', 'disabled']);
    expect(options.effort.problem).toBeUndefined();
    expect(options.thinking.problem).toBeUndefined();
  });
});
