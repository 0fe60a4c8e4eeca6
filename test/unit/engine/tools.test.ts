import { factsCatalog } from '../../../shared/claude-models';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json-schema';
import type { ToolConfig } from '../../../shared/node-configs';
import type { ResolvedDeps } from '../../../server/engine/node-runner';
import { runToolImplementation } from '../../../server/engine/tools/run-tool-implementation';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import { SecretMatcher } from '../../../server/engine/secret-matcher';

let server: Server;
let base: string;
const seen: { url: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/fail')) {
        res.statusCode = 503;
        res.end('upstream down');
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ temp: 21, url: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function deps(extra: Partial<ResolvedDeps> = {}): ResolvedDeps {
  return { claude: undefined as never, runId: 'r', models: factsCatalog(), now: () => Date.UTC(2026, 0, 15, 12, 0, 0), newId: () => 'id', secrets: { WEATHER_KEY: 'k-123' }, secretMatcher: new SecretMatcher({ WEATHER_KEY: 'k-123' }), ...extra };
}

const run = (config: ToolConfig['implementation'], input: Json, d = deps()) =>
  runToolImplementation({ name: 't', input_schema: { type: 'object' }, implementation: config }, input, d, new AbortController().signal);

describe('tool implementations', () => {
  it('mock: keyed responses win over the fallback; error fails', async () => {
    const mock = { kind: 'mock' as const, response: 'fallback', responses: [{ when: { city: 'Paris' }, response: { temp: 18 } }] };
    expect(await run(mock, { city: 'paris' })).toEqual({ temp: 18 });
    expect(await run(mock, { city: 'Oslo' })).toBe('fallback');
    await expect(run({ kind: 'mock', error: 'boom' }, {})).rejects.toThrow('boom');
  });

  it('http: renders args (URL-encoded) and secrets, parses JSON, through the guarded fetch', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true });
    const output = await run({ kind: 'http', method: 'POST', url: `${base}/weather?city={{args.city}}`, headers: { authorization: 'Bearer {{secrets.WEATHER_KEY}}' }, body: '{"city":"{{args.city}}"}' }, { city: 'São Paulo&x=1' }, deps({ fetch }));
    expect(output).toEqual({ temp: 21, url: '/weather?city=S%C3%A3o%20Paulo%26x%3D1' });
    const last = seen.at(-1);
    expect(last?.headers.authorization).toBe('Bearer k-123');
    expect(last?.headers['content-type']).toBe('application/json');
    expect(last?.body).toBe('{"city":"São Paulo&x=1"}');
  });

  it('http: non-2xx becomes a tool error with the status and body excerpt', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true });
    await expect(run({ kind: 'http', method: 'GET', url: `${base}/fail` }, {}, deps({ fetch }))).rejects.toThrow('HTTP 503');
  });

  it('http: the default guard refuses loopback targets', async () => {
    await expect(run({ kind: 'http', method: 'GET', url: `${base}/x` }, {}, deps({ fetch: createGuardedFetch() }))).rejects.toThrow(/refusing to connect/);
  });

  it('builtin current_time uses the engine clock and an IANA timezone', async () => {
    const output = (await run({ kind: 'builtin', name: 'current_time' }, { timezone: 'Asia/Tokyo' })) as Record<string, Json>;
    expect(output.iso).toBe('2026-01-15T12:00:00.000Z');
    expect(output.local).toContain('21:00:00');
    await expect(run({ kind: 'builtin', name: 'current_time' }, { timezone: 'Mars/Olympus' })).rejects.toThrow('unknown timezone');
  });

  it('mcp: without a configured caller the call is an error; with one, it is forwarded', async () => {
    await expect(run({ kind: 'mcp', server: 'files', tool: 'read' }, {})).rejects.toThrow('MCP not configured');
    const calls: unknown[] = [];
    const mcp = { callTool: async (server: string, tool: string, input: Json) => (calls.push([server, tool, input]), { output: 'contents', is_error: false }) };
    expect(await run({ kind: 'mcp', server: 'files', tool: 'read' }, { path: 'a' }, deps({ mcp }))).toBe('contents');
    expect(calls).toEqual([['files', 'read', { path: 'a' }]]);
  });
});
