import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../server/simulator';
import type { RunningSimulator } from '../../../server/simulator';
import { chainWorkflow } from './helpers/fixture-workflows';
import { readEvents } from '../../helpers/read-sse';
import { startServerProcess } from '../../helpers/start-server-process';
import { startTestApp } from '../../helpers/start-test-app';

const SENTINEL = 'sk-ant-SENTINEL-0123456789abcdef-never-show-me';

let simulator: RunningSimulator;
let dir: string;
beforeEach(async () => {
  // Only the sentinel key is accepted, so a successful run proves the key was really used.
  simulator = await startSimulator({ acceptKey: (key) => key === SENTINEL });
  dir = mkdtempSync(join(tmpdir(), 'trellis-secrets-'));
});
afterEach(async () => {
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every byte of the database: main file and WAL, so rows not yet checkpointed count too. */
function databaseBytes(folder: string): string {
  return readdirSync(folder)
    .filter((name) => name.startsWith('trellis.db'))
    .map((name) => readFileSync(join(folder, name)).toString('latin1'))
    .join('');
}

describe('the API key never leaks', () => {
  it('appears in no response, event, stored row or log, even when Claude echoes it', async () => {
    simulator.script([{ match: { lastUserText: 'Polish this text' }, respond: { content: [{ type: 'text', text: `Sure! By the way your key is ${SENTINEL}.` }] } }]);
    const app = await startTestApp({ dbPath: join(dir, 'trellis.db'), claudeUrl: simulator.url, apiKey: SENTINEL });
    const seen: string[] = [];
    const text = async (response: Response) => {
      const body = await response.text();
      seen.push(JSON.stringify([...response.headers]), body);
      return body;
    };
    try {
      expect(JSON.parse(await text(await app.request('/api/health')))).toMatchObject({ claude: 'anthropic' });
      await text(await app.request('/api/models'));
      await text(await app.postJson('/api/workflows', chainWorkflow()));
      const { runId } = JSON.parse(await text(await app.postJson('/api/runs', { workflowId: 'chain', sample: 'tea' }))) as { runId: string };
      const events = await readEvents((await app.events(runId)).frames);
      seen.push(JSON.stringify(events));
      expect(events.at(-1)?.type).toBe('run.completed');
      const detail = await text(await app.request(`/api/runs/${runId}`));
      expect(detail).toContain('[secret:ANTHROPIC_API_KEY]');
      await text(await app.request('/api/runs'));
      await text(await app.postJson('/api/runs', { workflowId: 'chain', input: { topic: 7 } }));
      await text(await app.request('/api/nowhere'));
      expect(simulator.requests.filter((request) => request.path === '/v1/messages' && request.status === 200)).toHaveLength(2);
    } finally {
      await app.close();
    }
    for (const item of [...seen, ...app.logs]) expect(item).not.toContain(SENTINEL);
    expect(databaseBytes(dir)).not.toContain(SENTINEL);
    const db = new Database(join(dir, 'trellis.db'), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).not.toContain(SENTINEL);
    db.close();
  });

  it('`npm start` (server/main.ts) with a key prints no key, serves on --port 0 and stops on SIGTERM', async () => {
    const server = await startServerProcess({ ANTHROPIC_API_KEY: SENTINEL, ANTHROPIC_BASE_URL: simulator.url }, { args: ['--port', '0', '--db', join(dir, 'trellis.db')] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { claude: string };
    expect(health.claude).toBe('anthropic');
    const started = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflowId: 'support-triage', sample: (await firstSample(server.url, 'support-triage')) }) });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    const stream = await fetch(`${server.url}/api/runs/${runId}/events`);
    const body = await stream.text();
    expect(body).toMatch(/event: run\.(completed|failed)/);
    expect(await server.stop()).toBe(0);
    const { stdout, stderr } = server.output();
    expect(stdout).toContain('(Claude: Anthropic API)');
    expect(stdout + stderr + body).not.toContain(SENTINEL);
    expect(databaseBytes(dir)).not.toContain(SENTINEL);
  });
});

describe('server process', () => {
  it('without a key: offline simulator banner, examples seeded on first start', async () => {
    const server = await startServerProcess({}, { args: ['--port', '0', '--db', join(dir, 'trellis.db')] });
    try {
      expect(server.output().stdout).toMatch(/^Trellis running at http:\/\/127\.0\.0\.1:\d+ \(Claude: offline simulator\)\n$/);
      const { workflows } = (await (await fetch(`${server.url}/api/workflows`)).json()) as { workflows: { id: string }[] };
      expect(workflows.map((workflow) => workflow.id)).toContain('support-triage');
      expect(((await (await fetch(`${server.url}/api/health`)).json()) as { claude: string }).claude).toBe('simulator');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('rejects a bad flag with exit code 2 and a message naming it', async () => {
    await expect(startServerProcess({}, { args: ['--port', 'eighty'] })).rejects.toThrow(/exited \(2\)[\s\S]*--port \/ TRELLIS_PORT must be an integer/);
  });
});

async function firstSample(url: string, workflowId: string): Promise<string> {
  const { workflow } = (await (await fetch(`${url}/api/workflows/${workflowId}`)).json()) as { workflow: { samples: { name: string }[] } };
  return workflow.samples[0]!.name;
}
