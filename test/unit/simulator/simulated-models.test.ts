import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIMULATED_MODELS } from '../../../server/simulator/catalog/simulated-models';

// The SDK's own list of model ids, read from its type declarations (`export type Model = ...`).
function sdkModelIds(): string[] {
  const require = createRequire(import.meta.url);
  const declarations = readFileSync(join(dirname(require.resolve('@anthropic-ai/sdk')), 'resources/messages/messages.d.ts'), 'utf8');
  const union = /export type Model = ([^;]+);/.exec(declarations)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

describe('the simulator model catalogue', () => {
  it('covers every model id of the SDK Model union', () => {
    const ids = new Set(SIMULATED_MODELS.map((model) => model.id));
    const sdk = sdkModelIds();
    expect(sdk.length).toBeGreaterThan(15);
    expect(sdk.filter((id) => !ids.has(id))).toEqual([]);
  });

  // The SDK warns for these ids as deprecated; the docs agree (about-claude/model-deprecations).
  it('marks the ids the SDK calls deprecated as deprecated', () => {
    const deprecated = SIMULATED_MODELS.filter((model) => model.lifecycle === 'deprecated').map((model) => model.id);
    expect(deprecated).toEqual(expect.arrayContaining(['claude-opus-4-5', 'claude-opus-4-5-20251101', 'claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 'claude-mythos-preview']));
  });

  it.each(SIMULATED_MODELS.map((model) => [model.id, model] as const))('%s cites platform.claude.com pages and is internally consistent', (_id, model) => {
    expect(model.sources.length).toBeGreaterThan(0);
    expect(model.sources.every((source) => source.startsWith('https://platform.claude.com/docs/'))).toBe(true);
    expect(new Set(SIMULATED_MODELS.map((other) => other.id)).size).toBe(SIMULATED_MODELS.length);
    if (model.effort) expect(model.effort.levels).toContain(model.effort.default);
    if (model.thinking.default === 'adaptive') expect(model.thinking.types).toContain('adaptive');
    expect(model.lifecycle === 'active').toBe(model.deprecated_at === null);
    if (model.lifecycle === 'retired') expect(model.retires_at).not.toBeNull();
    for (const reader of model.thinking.readsBlocksFrom) expect(SIMULATED_MODELS.some((other) => other.id === reader)).toBe(true);
  });
});
