import { lookup } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { NodeFailedEvent, NodeToolResultEvent } from '../../../shared/trace-events';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { startProbeServers, type ProbeServers } from './probe-servers';
import { httpToolWorkflow, visionWorkflow } from './ssrf-workflows';

const ALLOWED_HOST = 'allowed.test';

/**
 * Server-side request forgery through the two features that fetch user-chosen URLs: http tools
 * and vision URL images. The guard's allow-list admits one test host (resolving to loopback),
 * so a redirect from it to a private address is the only way in; it must be refused too.
 */
describe('SSRF guard on http tools and vision URL images', () => {
  let simulator: RunningSimulator;
  let probes: ProbeServers;
  let app: TestApp;

  beforeAll(async () => {
    simulator = await startSimulator({});
    probes = await startProbeServers(16);
    app = await startTestApp({
      claudeUrl: simulator.url,
      fetch: {
        allowHosts: [`${ALLOWED_HOST}:${probes.allowedPort}`],
        lookup: async (hostname) => (hostname === ALLOWED_HOST ? [{ address: '127.0.0.1', family: 4 }] : lookup(hostname, { all: true, verbatim: true })),
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await probes?.close();
    await simulator?.close();
  });

  const blockedTargets = () => {
    const port = probes.secretPort;
    return [
      ['loopback v4', `http://127.0.0.1:${port}/`],
      ['loopback v6', `http://[::1]:${port}/`],
      ['IPv4-mapped v6', `http://[::ffff:127.0.0.1]:${port}/`],
      ['IPv4-mapped v6, hex form', `http://[::ffff:7f00:1]:${port}/`],
      ['localhost by name', `http://localhost:${port}/`],
      ['0.0.0.0', `http://0.0.0.0:${port}/`],
      ['decimal IP', `http://2130706433:${port}/`],
      ['octal IP', `http://0177.0.0.1:${port}/`],
      ['hex IP', `http://0x7f.0.0.1:${port}/`],
      ['10/8', 'http://10.0.0.1/'],
      ['172.16/12', 'http://172.16.5.4/'],
      ['192.168/16', 'http://192.168.1.1/'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
      ['unique-local v6', 'http://[fd00::1]/'],
      ['redirect from an allowed host to loopback', `http://${ALLOWED_HOST}:${probes.allowedPort}/redirect-to-secret`],
      ['file: URL', 'file:///etc/passwd'],
    ] as const;
  };

  const toolCall = async (url: string) => {
    simulator.script([{ match: { toolName: 'fetch_page' }, respond: { content: [{ type: 'tool_use', name: 'fetch_page', input: {} }], stop_reason: 'tool_use' }, times: 1 }]);
    const { events } = await runToTerminal(app.url, { workflow: httpToolWorkflow(url), input: {} });
    const result = events.find((event): event is NodeToolResultEvent => event.type === 'node.tool_result');
    expect(result, `no tool call happened for ${url}`).toBeDefined();
    return result as NodeToolResultEvent;
  };

  it('lets the allow-listed test host through (the control: the setup itself works)', async () => {
    const result = await toolCall(`http://${ALLOWED_HOST}:${probes.allowedPort}/ok`);
    expect(result.data.is_error).toBe(false);
    expect(result.data.output).toEqual({ ok: true });
  });

  it('refuses every private, loopback, link-local or non-http target of an http tool', async () => {
    for (const [name, url] of blockedTargets()) {
      const result = await toolCall(url);
      expect(result.data.is_error, `${name}: ${url}`).toBe(true);
      expect(JSON.stringify(result.data.output), `${name}: ${url}`).toMatch(/refus|blocked|only http and https/i);
    }
    expect(probes.secretHits()).toBe(0);
  });

  it('fails a vision node whose image URL is private with ssrf_blocked, before any Claude call', async () => {
    for (const [name, url] of blockedTargets()) {
      const calls = simulator.requests.length;
      const { events, terminal } = await runToTerminal(app.url, { workflow: visionWorkflow({ source: 'url', url }), input: {} });
      expect(terminal.type, `${name}: ${url}`).toBe('run.failed');
      const failed = events.find((event): event is NodeFailedEvent => event.type === 'node.failed');
      expect(failed?.data.error.type, `${name}: ${url} → ${failed?.data.error.message}`).toBe(url.startsWith('file:') ? 'bad_url' : 'ssrf_blocked');
      expect(simulator.requests.length, name).toBe(calls);
    }
    expect(probes.secretHits()).toBe(0);
  });
});
