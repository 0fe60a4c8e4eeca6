import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { NodeToolResultEvent } from '../../../shared/trace-events';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startInProcessServer, type InProcessServer } from '../../helpers/start-in-process-server';
import { httpToolWorkflow } from './ssrf-workflows';

// TRELLIS_FETCH_ALLOW_HOSTS admits named host:port entries (an intranet API) past the SSRF guard in
// the real server wiring, and nothing else: the same service by its IP address stays refused.
// Ports, bare names and Trellis's own ports: allow-list-port.test.ts.
describe('TRELLIS_FETCH_ALLOW_HOSTS', () => {
  let simulator: RunningSimulator;
  let intranet: Server;
  let hits = 0;
  let server: InProcessServer;

  beforeAll(async () => {
    simulator = await startSimulator({});
    intranet = createServer((_request, response) => {
      hits += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ status: 'green' }));
    });
    await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
    server = await startInProcessServer(simulator.url, { TRELLIS_FETCH_ALLOW_HOSTS: `localhost:${(intranet.address() as AddressInfo).port}` });
  });

  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => intranet?.close(() => resolve()));
    await simulator?.close();
  });

  const toolResult = async (url: string) => {
    const { events } = await runToTerminal(server.url, { workflow: httpToolWorkflow(url), input: {} });
    return events.find((event): event is NodeToolResultEvent => event.type === 'node.tool_result');
  };

  it('lets a listed host through', async () => {
    const port = (intranet.address() as AddressInfo).port;
    const result = await toolResult(`http://localhost:${port}/status`);
    expect(result?.data.is_error).toBe(false);
    expect(JSON.stringify(result?.data.output)).toContain('green');
    expect(hits).toBe(1);
  });

  it('still refuses the same service by its loopback address', async () => {
    const port = (intranet.address() as AddressInfo).port;
    const result = await toolResult(`http://127.0.0.1:${port}/status`);
    expect(result?.data.is_error).toBe(true);
    expect(hits).toBe(1);
  });
});
