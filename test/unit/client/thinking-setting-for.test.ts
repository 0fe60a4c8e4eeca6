import { describe, expect, it } from 'vitest';
import { thinkingSettingFor, withDisplay } from '../../../client/src/models/thinking-setting-for';
import { effortThinkingSummary } from '../../../client/src/models/effort-thinking-summary';

describe('thinkingSettingFor', () => {
  it('clears the setting for the model default', () => {
    expect(thinkingSettingFor('', { type: 'adaptive' }, 4096)).toBeUndefined();
  });

  it('carries display between adaptive and enabled, and drops it for types without one', () => {
    expect(thinkingSettingFor('enabled', { type: 'adaptive', display: 'summarized' }, 4096)).toEqual({ type: 'enabled', budget_tokens: 2048, display: 'summarized' });
    expect(thinkingSettingFor('adaptive', { type: 'enabled', budget_tokens: 3000, display: 'omitted' }, 4096)).toEqual({ type: 'adaptive', display: 'omitted' });
    expect(thinkingSettingFor('between_tools', { type: 'adaptive', display: 'summarized' }, 4096)).toEqual({ type: 'between_tools' });
    expect(thinkingSettingFor('disabled', undefined, 4096)).toEqual({ type: 'disabled' });
  });

  it('keeps a budget, or starts below max_tokens where 1024 allows', () => {
    expect(thinkingSettingFor('enabled', { type: 'enabled', budget_tokens: 5000 }, 8000)).toEqual({ type: 'enabled', budget_tokens: 5000 });
    expect(thinkingSettingFor('enabled', undefined, 1500)).toEqual({ type: 'enabled', budget_tokens: 1499 });
    // Never below the API's floor: the validator names the conflict with max_tokens instead.
    expect(thinkingSettingFor('enabled', undefined, 1024)).toEqual({ type: 'enabled', budget_tokens: 1024 });
  });

  it('sets and clears display', () => {
    expect(withDisplay({ type: 'adaptive', display: 'omitted' }, '')).toEqual({ type: 'adaptive' });
    expect(withDisplay({ type: 'enabled', budget_tokens: 2048 }, 'summarized')).toEqual({ type: 'enabled', budget_tokens: 2048, display: 'summarized' });
    expect(withDisplay({ type: 'disabled' }, 'summarized')).toEqual({ type: 'disabled' });
  });
});

describe('effortThinkingSummary', () => {
  it('describes what a node sets, and nothing when it sets neither', () => {
    expect(effortThinkingSummary({})).toBeNull();
    expect(effortThinkingSummary({ effort: 'low' })).toBe('effort low');
    expect(effortThinkingSummary({ effort: 'high', thinking: { type: 'adaptive', display: 'omitted' } })).toBe('effort high · thinking adaptive, hidden');
    expect(effortThinkingSummary({ thinking: { type: 'enabled', budget_tokens: 2048 } })).toBe('thinking 2048 tokens');
    expect(effortThinkingSummary({ thinking: { type: 'disabled' } })).toBe('thinking off');
  });
});
