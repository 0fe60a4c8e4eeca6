import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir, type TempDir } from '../../helpers/make-temp-dir';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startServerProcess, type ServerProcess } from '../../helpers/start-server-process';

/** input → branch (`matches` the pattern, else "other") → one output per route. */
function regexBranchWorkflow(pattern: string): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'regex-branch',
    name: 'Regex branch',
    inputs: { type: 'object', properties: { text: { type: 'string' } } },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'route', type: 'branch', position: { x: 200, y: 0 }, config: { mode: 'match', on: '{{input.text}}', routes: [{ label: 'hit', when: { matches: pattern } }, { label: 'other' }], default: 'other' } },
      { id: 'hit_out', type: 'output', position: { x: 400, y: 0 }, config: { value: 'hit' } },
      { id: 'other_out', type: 'output', position: { x: 400, y: 100 }, config: { value: 'other' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'route' },
      { id: 'e2', source: 'route', sourceHandle: 'hit', target: 'hit_out' },
      { id: 'e3', source: 'route', sourceHandle: 'other', target: 'other_out' },
    ],
  } as Workflow;
}

const PATHOLOGICAL = '^(a+)+$';
// With a backtracking engine 32 characters and a mismatching tail take minutes (31 took 45 s);
// the long one shows the cost stays linear at the length limit.
const INPUTS = [`${'a'.repeat(32)}!`, `${'a'.repeat(9_999)}!`];
const SAMPLES = 15;

async function healthLatency(url: string): Promise<number> {
  const started = performance.now();
  const answer = await httpJson<{ ok: boolean }>(`${url}/api/health`);
  expect(answer.body.ok).toBe(true);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * The server runs in its own process, as users run it: a stalled event loop there shows up as a
 * slow /api/health here, whatever this test process does. Latencies are compared with the same
 * call on the same server while idle, never with a fixed number of milliseconds.
 */
describe('a pathological regex in a branch route', () => {
  let dir: TempDir;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = makeTempDir('trellis-regex');
    server = await startServerProcess({}, { args: ['--port', '0', '--db', join(dir.path, 'trellis.db')] });
  });
  afterAll(async () => {
    await server?.kill();
    dir?.remove();
  });

  it('routes in linear time while /api/health answers as fast as on an idle server', async () => {
    await healthLatency(server.url); // warm up the connection path and route
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await healthLatency(server.url));

    // Keep pathological runs in flight the whole time health is measured (two at a time: the
    // machine has two cores, and the test process needs one of them to measure).
    let stop = false;
    const routes: unknown[] = [];
    const load = Array.from({ length: 2 }, async (_, worker) => {
      for (let round = 0; !stop || round === 0; round++) {
        const { terminal, events } = await runToTerminal(server.url, { workflow: regexBranchWorkflow(PATHOLOGICAL), input: { text: INPUTS[(worker + round) % INPUTS.length] } });
        expect(terminal.type).toBe('run.completed');
        routes.push(events.find((event) => event.type === 'node.completed' && event.nodeId === 'route'));
      }
    });
    const busy: number[] = [];
    for (let i = 0; i < SAMPLES; i++) busy.push(await healthLatency(server.url));
    stop = true;
    await Promise.all(load);

    expect(routes.length).toBeGreaterThanOrEqual(2);
    // No input ends in "a", so every run took the fallback route.
    for (const event of routes) expect(JSON.stringify(event)).toContain('"route":"other"');
    const ratio = median(busy) / median(idle);
    expect(ratio, `health median ${median(busy).toFixed(1)} ms under load vs ${median(idle).toFixed(1)} ms idle`).toBeLessThan(20);
  });

  it('still matches what the pattern describes', async () => {
    const { events } = await runToTerminal(server.url, { workflow: regexBranchWorkflow(PATHOLOGICAL), input: { text: 'a'.repeat(5_000) } });
    expect(JSON.stringify(events.find((event) => event.type === 'node.completed' && event.nodeId === 'route'))).toContain('"route":"hit"');
  });

  it.each([
    ['a backreference', '(a+)\\1', /backreference/],
    ['a lookahead', '^(?=a)a+$', /lookahead/],
    ['a lookbehind', '(?<!b)a', /lookbehind/],
  ])('refuses %s before running, naming node, path and rule', async (_name, pattern, reason) => {
    const answer = await httpJson<{ error: { type: string; details: { errors: { nodeId: string; path: string; rule: string; message: string }[] } } }>(`${server.url}/api/runs`, { body: { workflow: regexBranchWorkflow(pattern), input: { text: 'aa' } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe('invalid_workflow');
    const issue = answer.body.error.details.errors.find((error) => error.rule === 'branch.bad_regex');
    expect(issue, JSON.stringify(answer.body)).toMatchObject({ nodeId: 'route' });
    expect(JSON.stringify(issue?.path)).toMatch(/routes.*0.*when.*matches/);
    expect(issue?.message).toMatch(reason);
    expect(issue?.message).toMatch(/RE2/);
  });
});
