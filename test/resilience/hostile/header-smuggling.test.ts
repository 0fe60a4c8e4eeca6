import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpTool } from '../../../server/engine/tools/http-tool';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import { validateWorkflow } from '../../../shared/validate-workflow';
import { httpToolWorkflow } from './ssrf-workflows';

/**
 * A raw TCP server that parses HTTP/1.1 framing (Content-Length and chunked bodies) and records each
 * request line: if a workflow could set framing headers or break a header line, a second request
 * would show up on the same connection.
 */
let server: Server;
let port: number;
const requestLines: string[] = [];
const sockets = new Set<Socket>();

/** Consumes complete requests from the front of `buffer`; returns what is left. */
function consumeRequests(buffer: string, onRequest: (line: string) => void): string {
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return buffer;
    const [line = '', ...headerLines] = buffer.slice(0, end).split('\r\n');
    const headers = new Map(headerLines.map((header) => [header.slice(0, header.indexOf(':')).trim().toLowerCase(), header.slice(header.indexOf(':') + 1).trim()]));
    let rest = buffer.slice(end + 4);
    if (headers.get('transfer-encoding')?.includes('chunked')) {
      for (;;) {
        const sizeEnd = rest.indexOf('\r\n');
        if (sizeEnd < 0) return buffer;
        const size = parseInt(rest.slice(0, sizeEnd), 16);
        if (rest.length < sizeEnd + 2 + size + 2) return buffer;
        rest = rest.slice(sizeEnd + 2 + size + 2);
        if (size === 0) break;
      }
    } else {
      const length = Number(headers.get('content-length') ?? 0);
      if (rest.length < length) return buffer;
      rest = rest.slice(length);
    }
    onRequest(line);
    buffer = rest;
  }
}

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending = consumeRequests(pending + chunk.toString('latin1'), (line) => {
        requestLines.push(line);
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok');
      });
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const fetch = createGuardedFetch({ allowPrivate: true });
const deps = () => ({ fetch, secrets: {}, signal: new AbortController().signal });

function toolWithHeaders(headers: Record<string, string>, body?: string) {
  const workflow = httpToolWorkflow(`http://127.0.0.1:${port}/api`);
  const tool = workflow.nodes.find((node) => node.id === 'fetch_page') as { config: { input_schema: unknown; implementation: Record<string, unknown> } };
  tool.config.input_schema = { type: 'object', properties: { q: { type: 'string' } } };
  tool.config.implementation = { kind: 'http', method: 'POST', url: `http://127.0.0.1:${port}/api`, headers, ...(body === undefined ? {} : { body }) };
  return { workflow, implementation: tool.config.implementation as never };
}

const SMUGGLED = '0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: internal\r\n\r\n';

describe('framing and hop-by-hop headers set by a workflow', () => {
  it.each([
    ['Host', 'internal.example'],
    ['Content-Length', '0'],
    ['Transfer-Encoding', 'chunked'],
    ['Connection', 'keep-alive'],
    ['Keep-Alive', 'timeout=5'],
    ['Upgrade', 'h2c'],
    ['TE', 'trailers'],
    ['Trailer', 'X-Smuggle'],
    ['Proxy-Authorization', 'Basic eDp4'],
    ['X-Line', 'a\r\nContent-Length: 0'],
  ])('%s: refused by the validator on the tool node and by the runtime, and nothing is sent', async (name, value) => {
    const { workflow, implementation } = toolWithHeaders({ [name]: value }, SMUGGLED);
    const result = validateWorkflow(workflow);
    const issue = result.errors.find((error) => error.rule === 'http.forbidden_header');
    expect(issue?.nodeId).toBe('fetch_page');
    expect(issue?.message).toContain(name);
    const before = requestLines.length;
    await expect(runHttpTool(implementation, {}, deps())).rejects.toThrow(/header|line break/);
    expect(requestLines.length).toBe(before);
  });

  it('a header value from tool input that carries CR/LF is refused at run time: the server sees no request at all', async () => {
    const { workflow, implementation } = toolWithHeaders({ 'X-Query': '{{args.q}}' });
    expect(validateWorkflow(workflow).valid).toBe(true);
    const before = requestLines.length;
    await expect(runHttpTool(implementation, { q: `x\r\nContent-Length: 0\r\n\r\n${SMUGGLED}` }, deps())).rejects.toThrow(/line break/);
    expect(requestLines.length).toBe(before);
  });

  it('a body that spells out a second request stays one request on the wire', async () => {
    const { implementation } = toolWithHeaders({ 'Content-Type': 'text/plain' }, `{{args.q}}`);
    const before = requestLines.length;
    await runHttpTool(implementation, { q: SMUGGLED }, deps());
    expect(requestLines.slice(before)).toEqual(['POST /api HTTP/1.1']);
  });

  it('the guarded fetch itself refuses framing headers from any caller', async () => {
    const before = requestLines.length;
    const error = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: SMUGGLED }).catch((failure: unknown) => failure as { type: string });
    expect((error as { type?: string }).type).toBe('forbidden_header');
    expect(requestLines.length).toBe(before);
  });
});
