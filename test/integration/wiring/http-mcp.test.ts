import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { createMcpCaller } from '../../../server/mcp';
import type { Store } from '../../../server/store';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';
import { writeEchoMcpConfig } from './helpers/echo-mcp-config';

const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-http-'));
const callLog = join(dir, 'calls.jsonl');
const { config } = writeEchoMcpConfig(dir, callLog);

let app: TestApp;
let base = '';
let store: Store;

beforeAll(async () => {
  app = await startTestApp({ mcp: { config, clients: createMcpCaller(config) } });
  base = app.url;
  store = app.store;
});

afterAll(async () => {
  // The environment stops the MCP servers, after the runs.
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const postRun = (body: unknown) => fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Reads the whole event stream of a run (it ends when the run does). */
async function eventsOf(runId: string): Promise<TraceEvent[]> {
  const text = await (await fetch(`${base}/api/runs/${runId}/events`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)) as TraceEvent);
}

describe('MCP through the HTTP API', { timeout: 60_000 }, () => {
  it('GET /api/mcp/servers lists the configured server, and its tools come from the live MCP server', async () => {
    const list = await fetch(`${base}/api/mcp/servers`);
    expect(list.status).toBe(200);
    const listText = await list.text();
    expect(JSON.parse(listText)).toEqual({ servers: [{ name: 'echo', transport: 'stdio' }] });
    expect(listText).not.toContain('echo-server.ts');

    const tools = await fetch(`${base}/api/mcp/servers/echo/tools`);
    expect(tools.status).toBe(200);
    const body = (await tools.json()) as { server: string; tools: { name: string; description: string; input_schema: { properties?: object } }[] };
    expect(body.server).toBe('echo');
    expect(body.tools.map((tool) => tool.name).sort()).toEqual(['add', 'echo', 'fail', 'hang']);
    expect(body.tools.find((tool) => tool.name === 'echo')).toMatchObject({ description: 'Repeats the text back.', input_schema: { properties: { text: { type: 'string' } } } });
  });

  it('a run with an mcp tool node completes with the MCP result in its trace', async () => {
    const response = await postRun({ workflow: mcpToolWorkflow('echo'), input: { phrase: 'hello trellis' } });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const events = await eventsOf(runId);
    expect(events.at(-1)?.type).toBe('run.completed');
    const results = events.filter((event): event is Extract<TraceEvent, { type: 'node.tool_result' }> => event.type === 'node.tool_result');
    expect(results).toHaveLength(1);
    // The MCP server process itself received the call, and its answer is what the trace carries.
    const calls = readFileSync(callLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { tool: string; args: { text: string } });
    const call = calls.at(-1);
    expect(call).toMatchObject({ tool: 'echo', args: { text: expect.stringContaining('hello trellis') } });
    expect(results[0]?.data).toMatchObject({ toolNodeId: 'shout', is_error: false, output: `echo: ${call?.args.text}` });
    const outputs = (events.at(-1) as Extract<TraceEvent, { type: 'run.completed' }>).data.outputs as { out: string };
    expect(outputs.out).toContain('echo: ');

    const stored = (await (await fetch(`${base}/api/runs/${runId}`)).json()) as { run: { status: string } };
    expect(stored.run.status).toBe('completed');
  });

  it('a workflow naming an unknown MCP server is refused with 400 and nothing is stored', async () => {
    const before = store.runs.list({ limit: 500 }).length;
    const response = await postRun({ workflow: mcpToolWorkflow('weather'), input: { phrase: 'hi' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string; details: { errors: unknown[] } } };
    expect(body.error.type).toBe('invalid_workflow');
    expect(body.error.message).toContain('MCP server "weather" is not configured');
    expect(body.error.details.errors).toEqual([
      { nodeId: 'shout', path: '/nodes/2/config/implementation/server', rule: 'mcp-server-unknown', message: 'MCP server "weather" is not configured on this server (configured: echo)' },
    ]);
    expect(store.runs.list({ limit: 500 })).toHaveLength(before);
  });

  it('a stored workflow naming an unknown MCP server is refused the same way', async () => {
    const workflow = { ...mcpToolWorkflow('weather'), id: 'mcp-echo-stored' };
    const saved = await fetch(`${base}/api/workflows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workflow) });
    expect(saved.status).toBe(201);
    const response = await postRun({ workflowId: 'mcp-echo-stored', input: { phrase: 'hi' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: { errors: { rule: string }[] } } }).error.details.errors.map((issue) => issue.rule)).toEqual(['mcp-server-unknown']);
    expect(store.runs.list({ workflowId: 'mcp-echo-stored', limit: 10 })).toEqual([]);
  });

  it('an unknown server name on the tools endpoint is a 404', async () => {
    const response = await fetch(`${base}/api/mcp/servers/weather/tools`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('not_found');
  });
});
