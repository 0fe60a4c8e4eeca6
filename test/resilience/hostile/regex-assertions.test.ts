import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { runTrellis } from '../../helpers/run-trellis';

const dir = makeTempDir('trellis-regex-assertions');
afterAll(() => dir.remove());

// input → echo: the output is the input text, so a cases file controls both pattern and subject.
const workflowFile = join(dir.path, 'echo.json');
writeFileSync(
  workflowFile,
  JSON.stringify({
    format: 'trellis.workflow',
    version: 1,
    id: 'echo',
    name: 'Echo',
    inputs: { type: 'object', properties: { text: { type: 'string' } } },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'echo', type: 'output', position: { x: 200, y: 0 }, config: { value: '{{input.text}}' } },
    ],
    edges: [{ id: 'e', source: 'input', target: 'echo' }],
  }),
);

function casesFile(name: string, lines: unknown[]): string {
  const path = join(dir.path, name);
  writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return path;
}

/** A cases file is as untrusted as a workflow: a CI job runs whatever a pull request brings. */
describe('trellis test with hostile regexes', () => {
  it('a catastrophic pattern in a regex or schema assertion finishes and simply does not match', async () => {
    const text = `${'a'.repeat(5_000)}!`;
    const cases = casesFile('redos.jsonl', [
      { name: 'regex', input: { text }, expect: [{ path: 'outputs.echo', regex: '^(a+)+$' }] },
      { name: 'schema', input: { text }, expect: [{ path: 'outputs.echo', schema: { type: 'string', pattern: '^(a+)+$' } }] },
      { name: 'matches', input: { text: 'aaaa' }, expect: [{ path: 'outputs.echo', regex: '^(a+)+$' }] },
    ]);
    const result = await runTrellis(['test', workflowFile, '--cases', cases]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/outputs\.echo regex\s.*FAIL: no match/);
    expect(result.stdout).toMatch(/outputs\.echo schema\s.*FAIL/);
    expect(result.stdout).toContain('1 of 3 cases passed');
  });

  it.each([
    ['a lookahead', { regex: '^(?=a)' }, /lookahead/],
    ['a backreference', { regex: '(a)\\1' }, /backreference/],
    ['a lookbehind in a schema pattern', { schema: { type: 'string', pattern: '(?<!b)a' } }, /lookbehind/],
  ])('refuses %s when loading the cases file (exit 2)', async (_name, matcher, reason) => {
    const cases = casesFile('refused.jsonl', [{ name: 'refused', input: { text: 'a' }, expect: [{ path: 'outputs.echo', ...matcher }] }]);
    const result = await runTrellis(['test', workflowFile, '--cases', cases]);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/refused\.jsonl/);
  });
});
