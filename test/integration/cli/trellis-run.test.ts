import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store';
import { runTrellis, type RunTrellisOptions, type TrellisResult } from '../../helpers/run-trellis';

const ROOT = join(import.meta.dirname, '../../..');
const WORKFLOWS = join(ROOT, 'workflows');
const examples = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json')).sort();
/** input → greet (prompt) → result; sample "ada". */
const HELLO = 'test/integration/cli/fixtures/hello.json';

function trellis(args: string[], onStderr?: RunTrellisOptions['onStderr']): Promise<TrellisResult> {
  return runTrellis(args, {}, { onStderr });
}

function sampleOf(file: string): string {
  const workflow = JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as { samples?: { name: string }[] };
  return workflow.samples?.[0]?.name ?? '';
}

function outputIds(file: string): string[] {
  const workflow = JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as { nodes: { id: string; type: string }[] };
  return workflow.nodes.filter((node) => node.type === 'output').map((node) => node.id);
}

describe('trellis run', { timeout: 60_000 }, () => {
  it('there are seven example workflows to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)('runs %s on the offline simulator: outputs JSON on stdout, exit 0', async (file) => {
    const result = await trellis(['run', `workflows/${file}`, '--sample', sampleOf(file)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('offline simulator');
    expect(result.stderr).toMatch(/✓ run completed/);
    const outputs = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(outputs).length).toBeGreaterThan(0);
    for (const key of Object.keys(outputs)) expect(outputIds(file)).toContain(key);
    expect(result.stderr).not.toContain(String.fromCharCode(27));
  });

  it('prints the outputs on stdout and a readable trace on stderr', async () => {
    const result = await trellis(['run', HELLO, '--input', '{"name":"Grace"}']);
    expect(result.code, result.stderr).toBe(0);
    const outputs = JSON.parse(result.stdout) as { result: string };
    expect(outputs.result).toContain('Grace');
    expect(result.stderr).toMatch(/✓ greet +\d+ms +in \d+ \/ out \d+ tok +\$\d/);
    expect(result.stderr).toMatch(/greet │ .*Grace/);
  });

  it('--json prints trace events as JSON lines ending with run.completed', async () => {
    const result = await trellis(['run', HELLO, '--sample', 'ada', '--json']);
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { seq: number; type: string });
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('exits 2 with readable issues for an invalid workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-cli-'));
    const broken = JSON.parse(readFileSync(join(ROOT, HELLO), 'utf8')) as { edges: { target: string }[] };
    broken.edges.push({ id: 'dangling', source: 'input', target: 'nowhere' } as never);
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const invalid = await trellis(['run', join(dir, 'broken.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/error/);
    expect(invalid.stderr).toMatch(/\[edge.dangling\] \(edge dangling\): .*nowhere/);
    expect(invalid.stdout).toBe('');
  });

  it('exits 2 for input that does not match the inputs schema, an unknown sample, or two input sources', async () => {
    const badInput = await trellis(['run', HELLO, '--input', '"not an object"']);
    expect(badInput.code).toBe(2);
    expect(badInput.stderr).toContain('run input');

    const [noSample, twoInputs] = await Promise.all([
      trellis(['run', HELLO, '--sample', 'no-such-sample']),
      trellis(['run', HELLO, '--sample', 'x', '--input', '{}']),
    ]);
    expect(noSample.code).toBe(2);
    expect(noSample.stderr).toContain('no sample named "no-such-sample"');
    expect(twoInputs.code).toBe(2);
    expect(twoInputs.stderr).toContain('use only one of --input, --input-file and --sample');
  });

  it('SIGINT cancels the run, waits for run.canceled and exits 130', async () => {
    const result = await trellis(['run', HELLO, '--sample', 'ada', '--latency', '60000,1'], (stderr, child) => {
      if (/started/.test(stderr.split('\n').slice(2).join('\n')) && !child.killed) child.kill('SIGINT');
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('run canceled');
  });

  it('--db records the run in a Trellis store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-cli-db-'));
    const db = join(dir, 'runs.db');
    const result = await trellis(['run', HELLO, '--sample', 'ada', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    const runId = /recorded as (run_[0-9a-f]+)/.exec(result.stderr)?.[1];
    expect(runId).toBeDefined();
    const store = openStore(db);
    try {
      const stored = store.runs.get(runId as string);
      expect(stored?.status).toBe('completed');
    } finally {
      store.close();
    }
  });
});
