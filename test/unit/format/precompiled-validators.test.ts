import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precompiledValidators } from '../../../scripts/precompiled-validators';

describe('precompiled validators (shared/validation/generated)', () => {
  // The browser validates with these files, so a spec change without `npm run validators` would
  // let the canvas and the server disagree about what a valid workflow is.
  it.each([...precompiledValidators()].map(([path, source]) => [path.slice(path.indexOf('shared/')), path, source]))('%s is current', (_name, path, source) => {
    expect(readFileSync(path, 'utf8') === source, `${path} is stale: run \`npm run validators\` and commit the result`).toBe(true);
  });

  it('contains no run-time code generation (the CSP forbids it)', () => {
    for (const source of precompiledValidators().values()) expect(source).not.toMatch(/new Function|\beval\(/);
  });
});
