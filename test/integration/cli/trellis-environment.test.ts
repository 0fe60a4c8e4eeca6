import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { stringifyWorkflow } from '../../../shared/format';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { REPO_ROOT, runTrellis } from '../../helpers/run-trellis';

const API_KEY = 'sk-ant-cli-env-test-0123456789';
const WEATHER_KEY = 'wk-CLI-5a4b3c2d1e0f-secret';
const folder = makeTempDir('trellis-cli-env');
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ latency: { firstTokenMs: 0, tokensPerSecond: 400 } });
});
afterAll(async () => {
  await simulator?.close();
  folder.remove();
});

function workflowFile(name: string, prompt: string): string {
  const file = join(folder.path, name);
  writeFileSync(file, stringifyWorkflow(onePromptWorkflow(prompt)));
  return file;
}

/** The CLI with a real key, talking to this test's simulator, as in production. */
const withKey = { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: '' };

describe('trellis commands share the server\'s secrets policy', () => {
  it('refuses {{secrets.ANTHROPIC_API_KEY}} with exit 2 and a clear message, without calling Claude', async () => {
    const file = workflowFile('steal.json', 'Post {{secrets.ANTHROPIC_API_KEY}} about {{input.topic}}.');
    // With a key the CLI lists the Models API for live capabilities; no Messages call may happen.
    const messageCalls = () => simulator.requests.filter((request) => request.path.startsWith('/v1/messages')).length;
    const calls = messageCalls();
    for (const command of [['run', file], ['estimate', file]]) {
      const result = await runTrellis([...command, '--input', '{"topic":"x"}'], { ...withKey, ANTHROPIC_BASE_URL: simulator.url });
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr).toMatch(/\[secret-forbidden\] \(node ask\): \{\{secrets\.ANTHROPIC_API_KEY\}\} names one of Trellis's own credentials/);
      expect(result.stdout + result.stderr).not.toContain(API_KEY);
    }
    expect(messageCalls()).toBe(calls);
  });

  it('refuses to start when TRELLIS_SECRETS lists a Trellis credential', async () => {
    const file = workflowFile('listed.json', 'Post {{secrets.ANTHROPIC_API_KEY}} about {{input.topic}}.');
    const result = await runTrellis(['run', file, '--input', '{"topic":"x"}'], { ...withKey, ANTHROPIC_BASE_URL: simulator.url, TRELLIS_SECRETS: 'ANTHROPIC_API_KEY' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TRELLIS_SECRETS may not expose ANTHROPIC_API_KEY/);
  });

  it('reads only listed variables: an unlisted one is refused, a listed one is sent and redacted from --json even when echoed in pieces', async () => {
    const file = workflowFile('weather.json', 'Use the weather key {{secrets.WEATHER_KEY}} for {{input.topic}}.');
    const env = { ...withKey, ANTHROPIC_BASE_URL: simulator.url, WEATHER_KEY };
    const unlisted = await runTrellis(['run', file, '--input', '{"topic":"rain"}'], env);
    expect(unlisted.code).toBe(2);
    expect(unlisted.stderr).toMatch(/list WEATHER_KEY in TRELLIS_SECRETS/);

    simulator.script([{ match: { lastUserText: 'Use the weather key' }, respond: { content: [{ type: 'text', text: `Got ${WEATHER_KEY} and ${API_KEY}.` }] } }]);
    const listed = await runTrellis(['run', file, '--input', '{"topic":"rain"}', '--json'], { ...env, TRELLIS_SECRETS: 'WEATHER_KEY' });
    expect(listed.code).toBe(0);
    expect(JSON.stringify(simulator.requests.at(-1)?.body)).toContain(WEATHER_KEY);
    const deltas = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; data: { text?: string } }).filter((event) => event.type === 'node.delta');
    // More than one flush: the secrets were streamed in pieces, not handed over whole.
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => event.data.text).join('')).toBe('Got [secret:WEATHER_KEY] and [secret:ANTHROPIC_API_KEY].');
    expect(listed.stdout + listed.stderr).not.toContain(WEATHER_KEY.slice(0, 12));
    expect(listed.stdout + listed.stderr).not.toContain(API_KEY.slice(0, 16));
  });
});

describe('the files root is the same rule in every command', () => {
  const exported = join(folder.path, 'screenshot-accessibility.json');
  beforeAll(() => copyFileSync(join(REPO_ROOT, 'workflows/screenshot-accessibility.json'), exported));

  it('an exported example fails without --files-root, naming the folder it searched, and validate warns about it', async () => {
    const run = await runTrellis(['run', exported, '--sample', 'login-form']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no file "assets/login-form.png" under the files root ${folder.path}`);
    const validate = await runTrellis(['validate', exported]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain(`warning node "inspect" /nodes/1/config/images/0/path: no file "assets/login-form.png" under the files root ${folder.path}`);
    expect(validate.stdout).toContain('1 warning');
  });

  it('runs, estimates and validates cleanly with --files-root pointing at the examples folder (or TRELLIS_FILES_ROOT)', async () => {
    const workflows = join(REPO_ROOT, 'workflows');
    const run = await runTrellis(['run', exported, '--sample', 'login-form', '--files-root', workflows]);
    expect(run.stderr).toMatch(/✓ run completed/);
    expect(run.code).toBe(0);
    // The simulator read the real PNG: its answer states the screenshot's size.
    expect(JSON.parse(run.stdout)).toEqual({ report: expect.stringMatching(/\d+\s*[×x]\s*\d+/) });

    const estimate = await runTrellis(['estimate', exported, '--json'], { TRELLIS_FILES_ROOT: workflows });
    expect(estimate.code).toBe(0);
    const priced = JSON.parse(estimate.stdout) as { nodes: { nodeId: string; error?: string; input_tokens: number; cost_max_usd: number }[] };
    expect(priced.nodes).toEqual([expect.objectContaining({ nodeId: 'inspect', input_tokens: expect.any(Number) })]);
    expect(priced.nodes[0]?.error).toBeUndefined();
    expect(priced.nodes[0]?.cost_max_usd).toBeGreaterThan(0);

    const validate = await runTrellis(['validate', '--files-root', workflows, exported]);
    expect(validate.stdout).toContain(`${exported}: ok`);
  });
});
