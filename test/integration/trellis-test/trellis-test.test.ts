import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const WORKFLOW = join(ROOT, 'workflows/support-triage.json');
const SHIPPED_CASES = join(ROOT, 'workflows/tests/support-triage.cases.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'trellis-test-cli-'));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process with no API key, so Claude is the simulator (or a cassette). */
function trellis(...args: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.ANTHROPIC_API_KEY;
  delete env.TRELLIS_MCP_CONFIG;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/trellis.mjs'), 'test', ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function casesFile(name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`);
  return path;
}

const refund = { ticket: 'I was charged twice this month and want my money back.', customer: 'Dana' };

describe('trellis test as a child process', () => {
  it('the shipped support-triage cases pass: exit 0, a table of passes and a clean JUnit report', async () => {
    const junit = join(dir, 'pass.xml');
    const result = await trellis(WORKFLOW, '--cases', SHIPPED_CASES, '--junit', junit);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^CASE\s+ASSERTION\s+EXPECTED\s+ACTUAL\s+RESULT/);
    expect(result.stdout).toMatch(/refund goes to billing\s+outputs\.billing_out\.queue equals\s+"billing"\s+"billing"\s+pass/);
    expect(result.stdout).toContain('PASS support-triage: 4 of 4 cases passed');
    expect(result.stderr).toContain('simulator');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="support-triage" tests="4" failures="0" errors="0"');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).not.toContain('<failure');
  });

  it('a failing case exits 1 with the failure in the table and, escaped, in the JUnit XML', async () => {
    const junit = join(dir, 'fail.xml');
    const cases = casesFile('failing.jsonl', [
      { name: 'billing route', input: refund, expect: [{ path: 'outputs.billing_out.queue', equals: 'billing' }] },
      { name: 'wrong <queue> & "quotes"', input: refund, expect: [{ path: 'outputs.billing_out.queue', equals: 'sales & <marketing>' }, { path: 'refund_reply.text', regex: '^Dear' }, { path: 'bug_reply.text', contains: 'x' }] },
    ]);
    const result = await trellis(WORKFLOW, '--cases', cases, '--junit', junit);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/wrong <queue> & "quotes"\s+outputs\.billing_out\.queue equals\s+"sales & <marketing>"\s+"billing"\s+FAIL: not equal/);
    expect(result.stdout).toMatch(/refund_reply\.text regex\s+"\^Dear"\s+"You asked.*FAIL: no match/);
    expect(result.stdout).toMatch(/bug_reply\.text contains\s+"x"\s+\(missing\)\s+FAIL: node bug_reply was skipped/);
    expect(result.stdout).toContain('FAIL support-triage: 1 of 2 cases passed, 1 of 4 checks passed');

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="support-triage" tests="2" failures="1" errors="0"');
    expect(xml).toContain('<testcase classname="support-triage" name="billing route"');
    expect(xml).toContain('name="wrong &lt;queue&gt; &amp; &quot;quotes&quot;"');
    expect(xml).toContain('<failure type="assertion" message="outputs.billing_out.queue equals: not equal (+2 more)">');
    expect(xml).toContain('expected: &quot;sales &amp; &lt;marketing&gt;&quot;');
    // Every &, < and > left in the document is markup or a well-formed entity.
    const text = xml.replace(/<\/?[a-z?][^<>]*>/g, '');
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
  });

  it('--json prints the results as JSON', async () => {
    const cases = casesFile('json.jsonl', [{ name: 'route', input: refund, expect: [{ path: 'keywords.route', equals: 'billing' }] }]);
    const result = await trellis(WORKFLOW, '--cases', cases, '--json');
    expect(result.code, result.stderr).toBe(0);
    const suite = JSON.parse(result.stdout) as { passed: boolean; cases: { name: string; results: { actual: unknown }[] }[] };
    expect(suite.passed).toBe(true);
    expect(suite.cases[0]?.results[0]?.actual).toBe('billing');
  });

  it('an invalid cases file exits 2, naming each line, path and problem, and runs nothing', async () => {
    const cases = casesFile('invalid.jsonl', [
      { name: 'ok', input: refund, expect: [{ path: 'keywords.route', equals: 'billing' }] },
      '{ not json',
      { name: 'no matcher', input: refund, expect: [{ path: 'keywords.route' }] },
      { name: 'bad regex', input: refund, expect: [{ path: 'refund_reply.text', regex: '(unclosed' }] },
      { name: 'bad input', input: { customer: 'Dana' }, expect: [{ path: 'keywords.route', equals: 'billing' }] },
      { name: 'ok', input: refund, expect: [{ path: 'keywords.route', regex: 'x'.repeat(501) }] },
    ]);
    const result = await trellis(WORKFLOW, '--cases', cases);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/invalid\.jsonl:2: not valid JSON/);
    expect(result.stderr).toMatch(/invalid\.jsonl:3 \/expect\/0: an assertion needs at least one of equals, contains, regex, schema/);
    expect(result.stderr).toMatch(/invalid\.jsonl:4 \/expect\/0\/regex: regex does not compile/);
    expect(result.stderr).toMatch(/invalid\.jsonl:5 \/input.*ticket/);
    expect(result.stderr).toMatch(/invalid\.jsonl:6 \/name: duplicate case name "ok" \(first on line 1\)/);
    expect(result.stderr).toMatch(/invalid\.jsonl:6 \/expect\/0\/regex: regex is 501 characters; the limit is 500/);
    expect(result.stderr).not.toContain('simulator');
  });

  it('an invalid workflow or missing --cases exits 2', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'trellis.workflow', version: 1, id: 'x', name: 'x', inputs: {}, nodes: [], edges: [] }));
    const cases = casesFile('any.jsonl', [{ name: 'a', input: {}, expect: [{ path: 'run.status', equals: 'completed' }] }]);
    expect((await trellis(broken, '--cases', cases)).code).toBe(2);
    const missing = await trellis(WORKFLOW);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --cases');
  });

  it('--record then --replay gives the same results with no simulator; a cassette that does not fit is a run error', async () => {
    const cassette = join(dir, 'triage.cassette.json');
    const recorded = await trellis(WORKFLOW, '--cases', SHIPPED_CASES, '--record', cassette, '--json');
    expect(recorded.code, recorded.stderr).toBe(0);
    const replayed = await trellis(WORKFLOW, '--cases', SHIPPED_CASES, '--replay', cassette, '--json');
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stderr).toContain('replaying cassette');
    expect(replayed.stderr).not.toContain('simulator');
    const strip = (text: string) => JSON.stringify(JSON.parse(text), (key, value: unknown) => (key === 'duration_ms' ? undefined : value));
    expect(strip(replayed.stdout)).toBe(strip(recorded.stdout));

    const junit = join(dir, 'mismatch.xml');
    const other = casesFile('other.jsonl', [{ name: 'new ticket', input: { ticket: 'Please refund my order 1234', customer: 'Kim' }, expect: [{ path: 'outputs.billing_out.queue', equals: 'billing' }] }]);
    const mismatch = await trellis(WORKFLOW, '--cases', other, '--replay', cassette, '--junit', junit);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toMatch(/new ticket\s+run\.status equals\s+"completed"\s+"failed"\s+FAIL: run failed at refund_reply \(cassette_mismatch\): No recorded exchange matches POST \/v1\/messages \(model claude-sonnet-5-5, last user text "Write a reply to Kim/);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="support-triage" tests="1" failures="0" errors="1"');
    expect(readFileSync(junit, 'utf8')).toContain('<error type="run_failed" message="run failed at refund_reply (cassette_mismatch): No recorded exchange matches POST /v1/messages (model claude-sonnet-5-5, last user text &quot;Write a reply to Kim');
  });
});
