import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, factsCatalog, MODEL_FACTS } from '../../../shared/claude-models';

/** The ids of the SDK's `Model` union (resources/messages/messages.d.ts), the list issue 11 asks the table to cover. */
function sdkModelIds(): string[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('@anthropic-ai/sdk')), 'resources/messages/messages.d.ts');
  const union = /export type Model = ([^;]+);/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
}

describe('the facts table', () => {
  const catalog = factsCatalog();

  it("has a row for every model of the SDK's Model union", () => {
    const ids = sdkModelIds();
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !catalog.find(id))).toEqual([]);
  });

  it('cites a docs page on every row and has no duplicate ids', () => {
    expect(new Set(MODEL_FACTS.map((row) => row.id)).size).toBe(MODEL_FACTS.length);
    for (const row of MODEL_FACTS) expect(row.sources.some((source) => source.startsWith('https://platform.claude.com/docs/')), row.id).toBe(true);
  });

  it('points every retired or deprecated model at a successor the table knows and that is not retired', () => {
    for (const row of MODEL_FACTS.filter((entry) => entry.lifecycle !== 'active')) {
      const successor = row.successor === undefined ? undefined : catalog.find(row.successor);
      expect(successor?.lifecycle, row.id).not.toBe('retired');
      expect(successor, row.id).toBeDefined();
    }
  });

  it("keeps each row's defaults among what the row accepts", () => {
    for (const row of MODEL_FACTS.filter((entry) => entry.lifecycle !== 'retired')) {
      if (row.default_effort !== undefined) expect(row.effort_levels, row.id).toContain(row.default_effort);
      if (row.thinks_by_default) expect(row.thinking_types, row.id).toContain('adaptive');
    }
  });

  it('defaults new nodes to the current Sonnet', () => {
    expect(DEFAULT_MODEL).toBe('claude-sonnet-5-5');
    expect(catalog.find(DEFAULT_MODEL)?.facts?.status).toBe('current');
  });
});
