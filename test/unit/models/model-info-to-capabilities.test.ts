import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import { describe, expect, it } from 'vitest';
import { modelInfoToCapabilities } from '../../../server/claude/model-info-to-capabilities';
import { liveCatalog } from '../../../shared/claude-models/model-catalog';

const yes = { supported: true };
const no = { supported: false };

function info(overrides: Partial<ModelInfo> = {}): ModelInfo {
  return {
    type: 'model',
    id: 'claude-sonnet-5-5',
    display_name: 'Claude Sonnet 5.5',
    created_at: '2026-09-28T00:00:00Z',
    lifecycle: 'active',
    line: 'sonnet',
    deprecated_at: null,
    retires_at: null,
    max_input_tokens: 1_000_000,
    max_tokens: 128_000,
    capabilities: {
      batch: yes,
      citations: yes,
      code_execution: yes,
      context_management: { supported: true, clear_thinking_20251015: yes, clear_tool_uses_20250919: yes, compact_20260112: yes },
      effort: { supported: true, low: yes, medium: yes, high: yes, xhigh: yes, max: no },
      image_input: yes,
      pdf_input: yes,
      server_tools: { supported: true, code_execution: yes, web_search: yes },
      structured_outputs: yes,
      thinking: { supported: true, types: { adaptive: yes, enabled: no, between_tools: yes, disabled: no } },
    },
    ...overrides,
  };
}

describe('modelInfoToCapabilities', () => {
  it('reads each thinking type and effort level on its own', () => {
    expect(modelInfoToCapabilities(info())).toMatchObject({ thinking_types: ['adaptive', 'between_tools'], effort_levels: ['low', 'medium', 'high', 'xhigh'], structured_outputs: true, max_tokens: 128_000 });
  });

  it('treats xhigh: null (an older model) as not accepted, and effort.supported false as no effort at all', () => {
    const older = info();
    older.capabilities!.effort = { supported: true, low: yes, medium: yes, high: yes, max: yes, xhigh: null };
    expect(modelInfoToCapabilities(older).effort_levels).toEqual(['low', 'medium', 'high', 'max']);
    const none = info();
    none.capabilities!.effort = { supported: false, low: yes, medium: yes, high: yes, max: yes, xhigh: yes };
    expect(modelInfoToCapabilities(none).effort_levels).toEqual([]);
  });

  it('keeps the lifecycle and dates, and reports nothing it was not told', () => {
    const retired = modelInfoToCapabilities(info({ id: 'claude-old', lifecycle: 'retired', deprecated_at: '2026-01-01T00:00:00Z', retires_at: '2026-03-01T00:00:00Z', capabilities: null, max_tokens: null }));
    expect(retired).toMatchObject({ lifecycle: 'retired', retires_at: '2026-03-01T00:00:00Z', thinking_types: [], effort_levels: [], structured_outputs: false, max_tokens: 0 });
  });
});

describe('liveCatalog', () => {
  it('takes capabilities from the API and prices, defaults and the forced-tool rule from the facts table', () => {
    const catalog = liveCatalog([modelInfoToCapabilities(info())]);
    const sonnet = catalog.find('claude-sonnet-5-5');
    // The API said `max` is not accepted; the facts table says all five. The API wins.
    expect(sonnet?.effort_levels).not.toContain('max');
    expect(sonnet?.facts).toMatchObject({ default_effort: 'high', forced_tool_choice: 'refused', prices: { input: 2, output: 10 } });
    expect(sonnet?.source).toBe('api');
  });

  it('lists what the API lists, newest first and retired last, and keeps the ids the docs call retired', () => {
    const catalog = liveCatalog([
      modelInfoToCapabilities(info({ id: 'claude-old', created_at: '2027-01-01T00:00:00Z', lifecycle: 'retired' })),
      modelInfoToCapabilities(info({ id: 'claude-a', created_at: '2026-01-01T00:00:00Z' })),
      modelInfoToCapabilities(info({ id: 'claude-b', created_at: '2026-06-01T00:00:00Z' })),
    ]);
    expect(catalog.list().map((model) => model.id).slice(0, 3)).toEqual(['claude-b', 'claude-a', 'claude-old']);
    // Active in the facts table but not listed for this key: unknown, not assumed available.
    expect(catalog.find('claude-opus-4-6')).toBeUndefined();
    // Retired per the docs and left out of the list: still "retired, use the successor".
    expect(catalog.find('claude-opus-4-1')).toMatchObject({ lifecycle: 'retired', facts: { successor: 'claude-opus-5-5' } });
  });
});
