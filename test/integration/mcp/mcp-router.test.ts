import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../../server/http/error-handler';
import { mcpRouter } from '../../../server/http/mcp-router';
import { createMcpCaller, type McpClients, type McpConfig } from '../../../server/mcp';
import { echoServerConfig } from './mcp-fixture';

const { server } = echoServerConfig({ env: { ECHO_MCP_LOG: '', SECRET_TOKEN: 'tok-should-not-leak' } });
const config: McpConfig = { servers: { fixture: server, dead: { command: process.execPath, args: ['-e', 'process.exit(1)'] } } };
let mcp: McpClients;
let http: Server;
let base = '';

beforeAll(async () => {
  mcp = createMcpCaller(config);
  const app = express();
  app.use('/api/mcp/servers', mcpRouter(config, mcp));
  app.use(errorHandler(() => {}));
  http = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/mcp/servers`;
});
afterAll(async () => {
  await mcp.close();
  await new Promise((resolve) => http.close(resolve));
});

describe('GET /api/mcp/servers', () => {
  it('lists configured servers by name and transport, revealing nothing else', async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ servers: [{ name: 'dead', transport: 'stdio' }, { name: 'fixture', transport: 'stdio' }] });
    expect(text).not.toContain('tok-should-not-leak');
    expect(text).not.toContain('echo-server');
  });

  it('lists a server tools, 404s an unknown server and 502s one that cannot start', async () => {
    const tools = await fetch(`${base}/fixture/tools`);
    expect(tools.status).toBe(200);
    const body = (await tools.json()) as { server: string; tools: { name: string; input_schema: unknown }[] };
    expect(body.server).toBe('fixture');
    expect(body.tools.find((tool) => tool.name === 'add')?.input_schema).toMatchObject({ properties: { a: { type: 'number' }, b: { type: 'number' } } });

    const unknown = await fetch(`${base}/nope/tools`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { type: 'not_found', message: 'MCP server "nope" is not configured', details: { configured: ['dead', 'fixture'] } } });

    const dead = await fetch(`${base}/dead/tools`);
    expect(dead.status).toBe(502);
    expect(((await dead.json()) as { error: { type: string; message: string } }).error).toMatchObject({ type: 'mcp_unavailable', message: expect.stringContaining('MCP server "dead"') });
  });
});
