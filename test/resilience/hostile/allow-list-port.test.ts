import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { parseAllowHost } from '../../../server/net/allow-host';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { NodeToolResultEvent } from '../../../shared/trace-events';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startInProcessServer, type InProcessServer } from '../../helpers/start-in-process-server';
import { startRecordingServer, type RecordingServer } from './recording-server';
import { httpToolWorkflow } from './ssrf-workflows';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Allow-listing `localhost` for one intranet service must not hand workflows every loopback port,
// and above all not Trellis's own API or its Claude endpoint, even when those ports are listed.
describe('fetch allow-list entries are host:port', () => {
  let simulator: RunningSimulator;
  let intranet: RecordingServer;
  let other: RecordingServer;
  let server: InProcessServer;
  let serverPort: number;

  beforeAll(async () => {
    simulator = await startSimulator({});
    intranet = await startRecordingServer();
    other = await startRecordingServer();
    serverPort = await freePort();
    const allow = ['localhost', `localhost:${intranet.port}`, `localhost:${serverPort}`, `localhost:${simulator.port}`, `127.0.0.1:${serverPort}`].join(',');
    server = await startInProcessServer(simulator.url, { TRELLIS_PORT: String(serverPort), TRELLIS_FETCH_ALLOW_HOSTS: allow });
  });
  afterAll(async () => {
    await server?.close();
    await intranet?.close();
    await other?.close();
    await simulator?.close();
  });

  const toolResult = async (url: string) => {
    const { events } = await runToTerminal(server.url, { workflow: httpToolWorkflow(url), input: {} });
    const result = events.find((event): event is NodeToolResultEvent => event.type === 'node.tool_result');
    return { isError: result?.data.is_error, text: JSON.stringify(result?.data.output) };
  };

  it('parses entries: a bare host means ports 80 and 443 only', () => {
    expect(parseAllowHost('Intranet.Example')).toEqual({ host: 'intranet.example', ports: [80, 443] });
    expect(parseAllowHost('localhost:8080')).toEqual({ host: 'localhost', ports: [8080] });
    expect(parseAllowHost('[::1]:9000')).toEqual({ host: '::1', ports: [9000] });
    expect(parseAllowHost('::1')).toEqual({ host: '::1', ports: [80, 443] });
  });

  it('reaches the listed host:port', async () => {
    const result = await toolResult(`http://localhost:${intranet.port}/status`);
    expect(result.isError).toBe(false);
    expect(intranet.requests).toHaveLength(1);
  });

  it('a bare `localhost` entry does not open other loopback ports', async () => {
    const result = await toolResult(`http://localhost:${other.port}/`);
    expect(result.isError).toBe(true);
    expect(result.text).toContain('blocked');
    expect(other.requests).toHaveLength(0);
  });

  it.each([
    ['the Trellis server', () => `http://localhost:${serverPort}/api/workflows`],
    ['the Trellis server by IP', () => `http://127.0.0.1:${serverPort}/api/workflows`],
    ['the Claude simulator', () => `http://localhost:${simulator.port}/v1/models`],
  ])('never reaches %s, even though its port is listed', async (_label, url) => {
    const before = simulator.requests.filter((request) => request.path === '/v1/models').length;
    const result = await toolResult(url());
    expect(result.isError).toBe(true);
    expect(result.text).toContain("Trellis's own");
    expect(simulator.requests.filter((request) => request.path === '/v1/models').length).toBe(before);
  });
});

describe('reserved ports in the guarded fetch', () => {
  // Every address this machine answers on, loopback and (when bound to 0.0.0.0) its LAN or public ones.
  const own = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));

  it.each(own)('refuses a reserved port on this machine\'s address %s, even with private fetches allowed', async (address) => {
    const fetch = createGuardedFetch({ allowPrivate: true, reservedPorts: () => [5170], lookup: async () => [{ address, family: address.includes(':') ? 6 : 4 }] });
    const error = await fetch('http://trellis.example:5170/api/workflows').then(
      () => undefined,
      (failure: unknown) => failure as { type?: string; message: string },
    );
    expect(error?.type).toBe('ssrf_blocked');
    expect(error?.message).toContain("Trellis's own");
  });

  it('leaves the same port on a public address alone (another site may use 5170 too)', async () => {
    const fetch = createGuardedFetch({ reservedPorts: () => [5170], lookup: async () => [{ address: '192.0.2.1', family: 4 }], timeoutMs: 50 });
    const error = await fetch('http://elsewhere.example:5170/').then(
      () => undefined,
      (failure: unknown) => failure as { type?: string },
    );
    expect(error?.type).not.toBe('ssrf_blocked');
  });
});
