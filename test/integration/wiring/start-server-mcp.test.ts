import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { loadConfig } from '../../../server/config';
import { startServer, type RunningServer } from '../../../server/main';
import { writeEchoMcpConfig } from './helpers/echo-mcp-config';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';

const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-main-'));
const callLog = join(dir, 'calls.jsonl');
const { file } = writeEchoMcpConfig(dir, callLog);
const emptyWorkflows = mkdtempSync(join(tmpdir(), 'trellis-wiring-seed-'));
let server: RunningServer;

beforeAll(async () => {
  const env = { TRELLIS_MCP_CONFIG: file };
  server = await startServer(loadConfig(env, ['--port', '0', '--db', join(dir, 'trellis.db')]), { env, workflowsDir: emptyWorkflows, log: () => {} });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(emptyWorkflows, { recursive: true, force: true });
});

describe('startServer reads TRELLIS_MCP_CONFIG', { timeout: 60_000 }, () => {
  it('serves the configured MCP servers and runs mcp tools through them', async () => {
    const list = await fetch(`${server.url}/api/mcp/servers`);
    expect(await list.json()).toEqual({ servers: [{ name: 'echo', transport: 'stdio' }] });

    const started = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflow: mcpToolWorkflow('echo'), sample: 'hello' }) });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    const stream = await (await fetch(`${server.url}/api/runs/${runId}/events`)).text();
    const events = stream.split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)) as TraceEvent);
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(events.find((event) => event.type === 'node.tool_result')?.data).toMatchObject({ is_error: false, output: expect.stringMatching(/^echo: .*hello trellis/) });
    expect(readFileSync(callLog, 'utf8')).toContain('"tool":"echo"');
  });

  it('a broken MCP config stops the start with a message naming the file', async () => {
    const env = { TRELLIS_MCP_CONFIG: join(dir, 'missing.json') };
    await expect(startServer(loadConfig(env, ['--port', '0', '--db', join(dir, 'other.db')]), { env, workflowsDir: emptyWorkflows, log: () => {} })).rejects.toThrow(/cannot read MCP config .*missing\.json \(from TRELLIS_MCP_CONFIG\)/);
  });
});
