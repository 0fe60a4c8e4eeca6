import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startInProcessServer, type InProcessServer } from '../../helpers/start-in-process-server';
import { visionWorkflow } from './ssrf-workflows';
import { echoEverything, findLeaks, readDatabaseFile, SENTINEL_API_KEY, SENTINEL_SECRET, startKeyQuotingUpstream } from './sentinel-leaks';

// The production server wiring (startServer + loadConfig) with a sentinel secret granted and bound
// to one host and a sentinel API key; a simulator scripted to echo both in every form the
// redactor claims to catch. Every exit (HTTP bodies, SSE, the SQLite file, log lines) is searched.
let simulator: RunningSimulator;
let server: InProcessServer;
let intranet: Server;
let intranetHits: string[] = [];

beforeAll(async () => {
  // Paced: each token is its own write, so echoed secrets reach the engine split across deltas.
  simulator = await startSimulator({ latency: { firstTokenMs: 0, tokensPerSecond: 2000 } });
  intranet = createServer((request, response) => {
    intranetHits.push(`${request.method} ${request.url} ${JSON.stringify(request.headers)}`);
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
  server = await startInProcessServer(simulator.url, {
    ANTHROPIC_API_KEY: SENTINEL_API_KEY,
    WEATHER_KEY: SENTINEL_SECRET,
    TRELLIS_SECRETS: 'WEATHER_KEY@api.weather.example',
    TRELLIS_FETCH_ALLOW_HOSTS: 'localhost',
  });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => intranet?.close(() => resolve()));
  await simulator?.close();
});

/** Every exit of one run: its SSE replay as sent, its run view, the runs list, the db file, the log. */
async function exitsOf(runId: string): Promise<Record<string, string>> {
  const sse = await (await fetch(`${server.url}/api/runs/${runId}/events`)).text();
  return {
    sse,
    'GET /api/runs/:id': await (await fetch(`${server.url}/api/runs/${runId}`)).text(),
    'GET /api/runs': await (await fetch(`${server.url}/api/runs`)).text(),
    'db file': readDatabaseFile(server.dbPath),
    log: server.logs.join('\n'),
  };
}

function leaksIn(exits: Record<string, string>): string[] {
  return Object.entries(exits).flatMap(([where, text]) => findLeaks(where, text));
}

const deltasOf = (events: TraceEvent[]) => events.filter((event) => event.type === 'node.delta');

describe('a model that echoes the secret and the API key in every form', () => {
  it('leaves no trace of either in SSE, run views, the SQLite file or the log', async () => {
    simulator.script([{ match: { lastUserText: 'Echo everything' }, respond: { content: [{ type: 'text', text: echoEverything() }] } }]);
    const { runId, events, terminal } = await runToTerminal(server.url, { workflow: onePromptWorkflow('Echo everything: {{secrets.WEATHER_KEY}} {{input.topic}}'), input: { topic: 'x' } });
    expect(terminal.type).toBe('run.completed');
    // The attack reached the engine in pieces: the secret was split across deltas.
    expect(deltasOf(events).length).toBeGreaterThan(20);
    expect(JSON.stringify(simulator.requests.at(-1)?.body)).toContain(JSON.stringify(SENTINEL_SECRET).slice(1, -1));
    expect(leaksIn(await exitsOf(runId))).toEqual([]);
    expect(JSON.stringify(terminal)).toContain('[secret:WEATHER_KEY]');
    expect(JSON.stringify(terminal)).toContain('[secret:ANTHROPIC_API_KEY]');
  });

  it('redacts a secret the model uses as a JSON object key in a tool call', async () => {
    simulator.script([
      { match: { toolName: 'lookup' }, respond: { content: [{ type: 'tool_use', name: 'lookup', input: { [SENTINEL_SECRET]: 'v', [SENTINEL_API_KEY.toUpperCase()]: 'w' } }], stop_reason: 'tool_use' }, times: 1 },
      { match: { toolName: 'lookup' }, respond: { content: [{ type: 'text', text: 'done' }] } },
    ]);
    const { runId, events, terminal } = await runToTerminal(server.url, { workflow: mockToolWorkflow(), input: {} });
    expect(terminal.type, JSON.stringify(terminal)).toBe('run.completed');
    expect(events.some((event) => event.type === 'node.tool_call')).toBe(true);
    expect(leaksIn(await exitsOf(runId))).toEqual([]);
  });
});

describe('the branch-label oracle', () => {
  it('the validator refuses {{secrets.*}} anywhere in a routing node', async () => {
    const answer = await httpJson<{ error: { details: { errors: { rule: string }[] } } }>(`${server.url}/api/runs`, { body: { workflow: branchWorkflow('{{secrets.WEATHER_KEY}}'), input: {} } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.errors.map((issue) => issue.rule)).toContain('template.secret_in_route');
  });

  it('a branch whose input holds a secret the model echoed fails instead of routing, so no label spells it out', async () => {
    simulator.script([{ match: { lastUserText: 'Say the key' }, respond: { content: [{ type: 'text', text: `key=${SENTINEL_SECRET.toLowerCase()}` }] } }]);
    const { runId, events, terminal } = await runToTerminal(server.url, { workflow: branchWorkflow('{{ask.text}}'), input: {} });
    expect(terminal.type).toBe('run.failed');
    const failed = events.find((event) => event.type === 'node.failed' && event.nodeId === 'route');
    expect(JSON.stringify(failed)).toContain('secret_in_route');
    // The labels are the oracle: none was taken.
    expect(JSON.stringify(events)).not.toMatch(/"route":"(starts-w|other)"/);
    expect(leaksIn(await exitsOf(runId))).toEqual([]);
  });
});

describe('dataset jobs and estimates', () => {
  it('keeps both out of /api/batches responses and the rows they store', async () => {
    simulator.script([{ match: { lastUserText: 'Echo everything' }, respond: { content: [{ type: 'text', text: echoEverything() }] } }]);
    const started = await httpJson<{ batchJobId: string }>(`${server.url}/api/batches`, { body: { workflow: onePromptWorkflow('Echo everything: {{secrets.WEATHER_KEY}} {{input.topic}}'), rows: [{ topic: 'a' }, { topic: 'b' }], mode: 'realtime' } });
    expect(started.status).toBe(202);
    let job = '';
    for (let attempt = 0; attempt < 200; attempt++) {
      job = await (await fetch(`${server.url}/api/batches/${started.body.batchJobId}`)).text();
      if (/"status":"(completed|failed|cancelled)"/.test(job)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatch(/"status":"completed"/);
    const exits = { job, list: await (await fetch(`${server.url}/api/batches`)).text(), 'db file': readDatabaseFile(server.dbPath), log: server.logs.join('\n') };
    expect(leaksIn(exits)).toEqual([]);
    expect(job).toContain('[secret:');
  });

});

describe('an upstream that quotes the key back in its errors', () => {
  it('keeps the key and the secret out of the estimate error and the log', async () => {
    const echoing = await startKeyQuotingUpstream();
    const quoting = await startInProcessServer(`http://127.0.0.1:${(echoing.address() as AddressInfo).port}`, { ANTHROPIC_API_KEY: SENTINEL_API_KEY, WEATHER_KEY: SENTINEL_SECRET, TRELLIS_SECRETS: 'WEATHER_KEY' });
    try {
      const answer = await fetch(`${quoting.url}/api/workflows/estimate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflow: onePromptWorkflow('Hi {{input.topic}}'), input: { topic: 'x' } }) });
      const text = await answer.text();
      // The node's error did quote the key (the estimate answers 200 with a per-node error): redacted.
      expect(text).toContain('[secret:ANTHROPIC_API_KEY]');
      expect(findLeaks('estimate error', text)).toEqual([]);
      expect(findLeaks('log', quoting.logs.join('\n'))).toEqual([]);
    } finally {
      await quoting.close();
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
    }
  });
});

describe('a secret bound to a host', () => {
  it('is refused, before the request, on its way to any other host (header, URL or body)', async () => {
    const port = (intranet.address() as AddressInfo).port;
    intranetHits = [];
    for (const request of [
      { url: `http://localhost:${port}/a`, headers: { authorization: 'Bearer {{secrets.WEATHER_KEY}}' } },
      { url: `http://localhost:${port}/a?k={{secrets.WEATHER_KEY}}` },
      { url: `http://localhost:${port}/a`, method: 'POST' as const, body: '{"k":"{{secrets.WEATHER_KEY}}"}' },
    ]) {
      const { runId, events } = await runToTerminal(server.url, { workflow: httpSecretWorkflow(request), input: {} });
      const result = events.find((event) => event.type === 'node.tool_result');
      expect(JSON.stringify(result)).toMatch(/secret WEATHER_KEY may only be sent to api\.weather\.example, not to localhost:\d+; the request was not sent/);
      expect(leaksIn(await exitsOf(runId))).toEqual([]);
    }
    expect(intranetHits).toEqual([]);
  });

  it('is refused in a vision image URL too, which renders from the same scope as prompts', async () => {
    const port = (intranet.address() as AddressInfo).port;
    intranetHits = [];
    const { runId, events, terminal } = await runToTerminal(server.url, { workflow: visionWorkflow({ source: 'url', url: `http://localhost:${port}/img.png?k={{secrets.WEATHER_KEY}}` }), input: {} });
    expect(terminal.type).toBe('run.failed');
    expect(JSON.stringify(events.find((event) => event.type === 'node.failed'))).toMatch(/secret_destination[^]*may only be sent to api\.weather\.example/);
    expect(intranetHits).toEqual([]);
    expect(leaksIn(await exitsOf(runId))).toEqual([]);
  });
});

describe('MCP servers over HTTP', () => {
  it('502s and traces name the server only, and a bound secret never reaches an MCP tool it is not bound to', async () => {
    const dir = makeTempDir('trellis-mcp-leak');
    const config = join(dir.path, 'mcp.json');
    writeFileSync(config, JSON.stringify({ servers: { remote: { url: 'http://127.0.0.1:1/mcp?token=mcp-url-token-Sentinel-42', headers: { authorization: 'Bearer mcp-header-token-Sentinel-43' } } } }));
    const withMcp = await startInProcessServer(simulator.url, { ANTHROPIC_API_KEY: SENTINEL_API_KEY, WEATHER_KEY: SENTINEL_SECRET, TRELLIS_SECRETS: 'WEATHER_KEY@mcp:elsewhere', TRELLIS_MCP_CONFIG: config });
    const hidden = ['mcp-url-token-Sentinel-42', 'mcp-header-token-Sentinel-43', '127.0.0.1:1'];
    try {
      const tools = await fetch(`${withMcp.url}/api/mcp/servers/remote/tools`);
      const body = await tools.text();
      expect(tools.status).toBe(502);
      expect(body).toContain('MCP server \\"remote\\"');

      // The model puts the (bound) secret into the MCP tool's arguments.
      simulator.script([{ match: { toolName: 'shout' }, respond: { content: [{ type: 'tool_use', name: 'shout', input: { text: SENTINEL_SECRET } }], stop_reason: 'tool_use' }, times: 1 }]);
      const { runId, events } = await runToTerminal(withMcp.url, { workflow: mcpToolWorkflow('remote'), input: { phrase: 'hello' } });
      simulator.script([]);
      const result = events.find((event) => event.type === 'node.tool_result');
      expect(JSON.stringify(result)).toMatch(/secret WEATHER_KEY may only be sent to mcp:elsewhere, not to MCP server \\"remote\\"/);
      const everything = [body, withMcp.logs.join('\n'), await (await fetch(`${withMcp.url}/api/runs/${runId}/events`)).text(), readDatabaseFile(withMcp.dbPath)].join('\n');
      for (const value of hidden) expect(everything, value).not.toContain(value);
      expect(findLeaks('mcp run', everything)).toEqual([]);
    } finally {
      await withMcp.close();
      dir.remove();
    }
  });
});

function mockToolWorkflow(): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'json-key',
    name: 'JSON key',
    inputs: { type: 'object' },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'lookup', type: 'tool', position: { x: 0, y: 200 }, config: { name: 'lookup', description: 'Look up.', input_schema: { type: 'object' }, implementation: { kind: 'mock', response: 'ok' } } },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Use lookup with {{secrets.WEATHER_KEY}}.' }] } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'lookup', target: 'ask', targetHandle: 'tools' },
      { id: 'e3', source: 'ask', target: 'result' },
    ],
  };
}

/** input → ask → route (branch on `on`: a regex route per guess, as the oracle attack used). */
function branchWorkflow(on: string): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'oracle',
    name: 'Oracle',
    inputs: { type: 'object' },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Say the key {{secrets.WEATHER_KEY}}' }] } },
      { id: 'route', type: 'branch', position: { x: 400, y: 0 }, config: { mode: 'match', on, routes: [{ label: 'starts-w', when: { matches: 'key=w' } }, { label: 'other', when: { contains: 'zzz' } }], default: 'other' } },
      { id: 'a', type: 'output', position: { x: 600, y: 0 }, config: { value: 'w' } },
      { id: 'b', type: 'output', position: { x: 600, y: 200 }, config: { value: 'other' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'route' },
      { id: 'e3', source: 'route', target: 'a', sourceHandle: 'starts-w' },
      { id: 'e4', source: 'route', target: 'b', sourceHandle: 'other' },
    ],
  };
}

function httpSecretWorkflow(request: { url: string; headers?: Record<string, string>; method?: 'POST'; body?: string }): Workflow {
  const implementation = { kind: 'http' as const, method: request.method ?? ('GET' as const), url: request.url, timeout_ms: 3000, ...(request.headers ? { headers: request.headers } : {}), ...(request.body ? { body: request.body } : {}) };
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'bound-secret',
    name: 'Bound secret',
    inputs: { type: 'object' },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'fetch_page', type: 'tool', position: { x: 0, y: 200 }, config: { name: 'fetch_page', description: 'Fetch the page.', input_schema: { type: 'object', properties: {} }, implementation } },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Use fetch_page and summarise it.' }], tool_choice: { type: 'tool', name: 'fetch_page' }, max_tool_rounds: 1 } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'fetch_page', target: 'ask', targetHandle: 'tools' },
      { id: 'e3', source: 'ask', target: 'result' },
    ],
  };
}
