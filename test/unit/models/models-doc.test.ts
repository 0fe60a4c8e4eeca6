import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FACTS } from '../../../shared/claude-models';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/models.md'), 'utf8');

describe('docs/models.md', () => {
  it('shows a row, with its sources, for every model of the facts table', () => {
    for (const row of MODEL_FACTS) {
      const line = doc.split('\n').find((text) => text.startsWith(`| \`${row.id}\` |`));
      expect(line, row.id).toBeDefined();
      for (const source of row.sources) expect(line, `${row.id} cites ${source}`).toContain(source);
    }
  });
});
