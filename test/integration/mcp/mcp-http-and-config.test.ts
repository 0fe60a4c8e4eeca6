import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpCaller, describeMcpServers, loadMcpConfig, type McpClients } from '../../../server/mcp';
import { createEchoServer } from '../../fixtures/mcp/echo-server';
import { REPO_ROOT } from './mcp-fixture';

const dir = mkdtempSync(join(tmpdir(), 'trellis-mcp-http-'));
const log = join(dir, 'calls.jsonl');
let http: Server;
let url = '';
const seenAuthorization: (string | undefined)[] = [];
let mcp: McpClients;

// Stateless streamable HTTP: a fresh MCP server and transport per request, as the SDK documents.
beforeAll(async () => {
  http = createServer((req: IncomingMessage, res) => {
    seenAuthorization.push(req.headers.authorization);
    const server = createEchoServer(log);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
  mcp = createMcpCaller({ servers: { remote: { url, headers: { authorization: 'Bearer mcp-token-123' } } } });
});
afterAll(async () => {
  await mcp.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});

describe('createMcpCaller over streamable HTTP', () => {
  it('lists tools and calls one, sending the configured headers', async () => {
    const tools = await mcp.listTools('remote');
    expect(tools.map((tool) => tool.name)).toContain('echo');
    expect(await mcp.callTool('remote', 'echo', { text: 'over http' }, new AbortController().signal)).toEqual({ output: 'echo: over http', is_error: false });
    expect(await mcp.callTool('remote', 'fail', { reason: 'quota' }, new AbortController().signal)).toEqual({ output: 'refused: quota', is_error: true });
    expect(seenAuthorization.length).toBeGreaterThan(0);
    expect(seenAuthorization.every((value) => value === 'Bearer mcp-token-123')).toBe(true);
  });
});

describe('MCP configuration', () => {
  function write(name: string, value: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  }

  it('loads from a path or TRELLIS_MCP_CONFIG, resolving a relative cwd against the file', async () => {
    const path = write('mcp.json', { servers: { fixture: { command: 'node', args: ['server.js'], cwd: 'servers' }, remote: { url: 'https://mcp.example.com/mcp' } } });
    const config = await loadMcpConfig(undefined, { TRELLIS_MCP_CONFIG: path });
    expect(config.servers.fixture).toEqual({ command: 'node', args: ['server.js'], cwd: join(dir, 'servers') });
    expect(await loadMcpConfig(path)).toEqual(config);
    expect(await loadMcpConfig(undefined, {})).toEqual({ servers: {} });
  });

  it('rejects bad configs with the path and rule', async () => {
    await expect(loadMcpConfig(write('a.json', { servers: { 'bad name!': { command: 'x' } } }))).rejects.toThrow(/invalid MCP config at \/servers: server name "bad name!" must match \^\[a-zA-Z0-9_-\]\{1,64\}\$ \[pattern\]/);
    await expect(loadMcpConfig(write('b.json', { servers: { s: { command: 'x', url: 'http://y' } } }))).rejects.toThrow(/at \/servers\/s: a server needs either "command" \(stdio\) or "url"/);
    await expect(loadMcpConfig(write('c.json', { servers: { s: { command: 'x', timeout_ms: 'soon' } } }))).rejects.toThrow(/invalid MCP config at \/servers\/s\/timeout_ms: must be integer \[type\]/);
    await expect(loadMcpConfig(write('d.json', '{ nope'))).rejects.toThrow(/d\.json is not valid JSON/);
    await expect(loadMcpConfig(undefined, { TRELLIS_MCP_CONFIG: join(dir, 'missing.json') })).rejects.toThrow(/cannot read MCP config .*missing\.json \(from TRELLIS_MCP_CONFIG\)/);
  });

  it('describes servers for the API by name and transport only, never commands, env or headers', () => {
    const summary = describeMcpServers({ servers: { b: { url: 'https://x/mcp', headers: { authorization: 'Bearer secret' } }, a: { command: 'node', env: { TOKEN: 'secret' }, cwd: REPO_ROOT } } });
    expect(summary).toEqual([
      { name: 'a', transport: 'stdio' },
      { name: 'b', transport: 'http' },
    ]);
    expect(JSON.stringify(summary)).not.toContain('secret');
  });
});
