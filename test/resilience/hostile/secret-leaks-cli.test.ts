import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { makeTempDir, type TempDir } from '../../helpers/make-temp-dir';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { runTrellis, type TrellisResult } from '../../helpers/run-trellis';
import { echoEverything, findLeaks, readDatabaseFile, SENTINEL_API_KEY, SENTINEL_SECRET, startKeyQuotingUpstream } from './sentinel-leaks';

// The real `trellis` binary against a scripted simulator, with a sentinel API key and a granted
// sentinel secret: every byte it prints, the --db file and the --record cassette are searched.
let simulator: RunningSimulator;
let dir: TempDir;

beforeAll(async () => {
  simulator = await startSimulator({ latency: { firstTokenMs: 0, tokensPerSecond: 2000 } });
  dir = makeTempDir('trellis-leaks-cli');
});

afterAll(async () => {
  dir?.remove();
  await simulator?.close();
});

const env = (extra: Record<string, string> = {}) => ({ ANTHROPIC_API_KEY: SENTINEL_API_KEY, ANTHROPIC_BASE_URL: simulator.url, WEATHER_KEY: SENTINEL_SECRET, TRELLIS_SECRETS: 'WEATHER_KEY', ...extra });

function writeWorkflow(name: string, workflow: unknown): string {
  const file = join(dir.path, name);
  writeFileSync(file, JSON.stringify(workflow));
  return file;
}

const printed = (result: TrellisResult) => ({ stdout: result.stdout, stderr: result.stderr });

describe('trellis run with a model that echoes the secret and the API key', () => {
  const workflow = onePromptWorkflow('Echo everything: {{secrets.WEATHER_KEY}} {{input.topic}}');

  it('prints neither, stores neither in --db, and records neither in the --record cassette; the cassette still replays', async () => {
    simulator.script([{ match: { lastUserText: 'Echo everything' }, respond: { content: [{ type: 'text', text: echoEverything() }] } }]);
    const file = writeWorkflow('echo.json', workflow);
    const db = join(dir.path, 'run.db');
    const cassette = join(dir.path, 'echo.cassette.json');
    const json = await runTrellis(['run', file, '--input', '{"topic":"x"}', '--json', '--db', db, '--record', cassette], env());
    expect(json.code, json.stderr).toBe(0);
    const human = await runTrellis(['run', file, '--input', '{"topic":"x"}'], env());
    expect(human.code, human.stderr).toBe(0);
    // The model's answer did carry both: they are in the output, as placeholders.
    expect(human.stdout).toContain('[secret:WEATHER_KEY]');
    expect(human.stdout).toContain('[secret:ANTHROPIC_API_KEY]');

    const exits = {
      '--json stdout': json.stdout,
      '--json stderr': json.stderr,
      'trace stdout': human.stdout,
      'trace stderr': human.stderr,
      'db file': readDatabaseFile(db),
      cassette: readFileSync(cassette, 'utf8'),
    };
    expect(Object.entries(exits).flatMap(([where, text]) => findLeaks(where, text))).toEqual([]);
    expect(exits.cassette).toContain('[secret:WEATHER_KEY]');

    // Replay: the secret may have any value here (CI has a dummy); requests are matched redacted.
    simulator.script([]);
    const replayed = await runTrellis(['run', file, '--input', '{"topic":"x"}', '--replay', cassette], { WEATHER_KEY: 'a-different-ci-value', TRELLIS_SECRETS: 'WEATHER_KEY' });
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(human.stdout);
  });

  it('strips terminal control sequences from trace lines, outputs and errors', async () => {
    const hostile = 'A\u001b[2J\u001b]0;pwned\u0007B\u009b31mC\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\D\rE\u202eF';
    simulator.script([{ match: { lastUserText: 'Be hostile' }, respond: { content: [{ type: 'text', text: hostile }] } }]);
    const file = writeWorkflow('hostile.json', onePromptWorkflow('Be hostile {{input.topic}}'));
    const human = await runTrellis(['run', file, '--input', '{"topic":"x"}'], env());
    expect(human.code, human.stderr).toBe(0);
    for (const [where, text] of Object.entries(printed(human))) {
      // eslint-disable-next-line no-control-regex
      expect(text, where).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    // The trace prints the text itself, without a single control character; the letters stay.
    expect(human.stderr).toMatch(/A[^]*B[^]*C[^]*link[^]*D[^]*E[^]*F/);
    // Outputs are printed as JSON, which spells every control character out (\u001b): inert.
    expect(human.stdout).toContain('\\u001b[2J');
  });
});

describe('trellis batch --realtime with the same model', () => {
  it('keeps both out of stdout, stderr and the --out file', async () => {
    simulator.script([{ match: { lastUserText: 'Echo everything' }, respond: { content: [{ type: 'text', text: echoEverything() }] } }]);
    const file = writeWorkflow('echo-batch.json', onePromptWorkflow('Echo everything: {{secrets.WEATHER_KEY}} {{input.topic}}'));
    const dataset = join(dir.path, 'rows.jsonl');
    writeFileSync(dataset, '{"topic":"a"}\n{"topic":"b"}\n');
    const out = join(dir.path, 'results.jsonl');
    const toStdout = await runTrellis(['batch', file, '--dataset', dataset, '--realtime'], env());
    const toFile = await runTrellis(['batch', file, '--dataset', dataset, '--realtime', '--out', out], env());
    expect(toStdout.code, toStdout.stderr).toBe(0);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toStdout.stdout).toContain('[secret:WEATHER_KEY]');
    const exits = { stdout: toStdout.stdout, stderr: toStdout.stderr, 'file stderr': toFile.stderr, '--out file': readFileSync(out, 'utf8') };
    expect(Object.entries(exits).flatMap(([where, text]) => findLeaks(where, text))).toEqual([]);
  });
});

describe('trellis estimate against an upstream that quotes the key back', () => {
  it('prints neither the key nor the secret, in the table or --json', async () => {
    const echoing = await startKeyQuotingUpstream();
    try {
      const file = writeWorkflow('estimate.json', onePromptWorkflow('Hi {{input.topic}}'));
      const upstream = { ANTHROPIC_BASE_URL: `http://127.0.0.1:${(echoing.address() as AddressInfo).port}` };
      const table = await runTrellis(['estimate', file, '--input', '{"topic":"x"}'], env(upstream));
      const json = await runTrellis(['estimate', file, '--input', '{"topic":"x"}', '--json'], env(upstream));
      const everything = [table.stdout, table.stderr, json.stdout, json.stderr].join('\n');
      // The upstream's error did reach the output, redacted.
      expect(everything).toContain('[secret:ANTHROPIC_API_KEY]');
      expect(findLeaks('trellis estimate', everything)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
    }
  });
});

describe('MCP servers in the CLI', () => {
  it('name the server only: no URL token, command or argument in errors, traces or the --db file', async () => {
    const config = join(dir.path, 'mcp.json');
    writeFileSync(
      config,
      JSON.stringify({
        servers: {
          remote: { url: 'http://127.0.0.1:1/mcp?token=mcp-url-token-Sentinel-42', headers: { authorization: 'Bearer mcp-header-token-Sentinel-43' } },
          local: { command: '/nonexistent/mcp-sentinel-command', args: ['--api-key', 'mcp-arg-token-Sentinel-44'] },
        },
      }),
    );
    const hidden = ['mcp-url-token-Sentinel-42', 'mcp-header-token-Sentinel-43', 'mcp-arg-token-Sentinel-44', '/nonexistent/mcp-sentinel-command', '127.0.0.1:1'];
    for (const server of ['remote', 'local']) {
      const file = writeWorkflow(`mcp-${server}.json`, mcpToolWorkflow(server));
      const db = join(dir.path, `mcp-${server}.db`);
      const human = await runTrellis(['run', file, '--sample', 'hello', '--db', db], env({ TRELLIS_MCP_CONFIG: config }));
      const json = await runTrellis(['run', file, '--sample', 'hello', '--json'], env({ TRELLIS_MCP_CONFIG: config }));
      const everything = [human.stdout, human.stderr, json.stdout, json.stderr, readDatabaseFile(db)].join('\n');
      // The failure is reported, naming the server.
      expect(everything).toContain(`MCP server "${server}"`);
      for (const value of hidden) expect(everything, `${server}: ${value}`).not.toContain(value);
    }
  });
});
