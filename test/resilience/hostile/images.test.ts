import { lookup } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { NodeFailedEvent } from '../../../shared/trace-events';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { pngHeader } from './png-header';
import { startProbeServers, type ProbeServers } from './probe-servers';
import { visionWorkflow } from './ssrf-workflows';

const ALLOWED_HOST = 'images.test';
const OVER_5_MB = 5 * 1024 * 1024 + 4096;

/** Images that must be refused with a clear error before Claude is ever called. */
describe('hostile vision images', () => {
  let simulator: RunningSimulator;
  let probes: ProbeServers;
  let app: TestApp;
  let roomyApp: TestApp;
  const files = makeTempDir('trellis-files');

  beforeAll(async () => {
    simulator = await startSimulator({});
    probes = await startProbeServers(OVER_5_MB);
    const fetch = { allowHosts: [`${ALLOWED_HOST}:${probes.allowedPort}`], lookup: async (hostname: string) => (hostname === ALLOWED_HOST ? [{ address: '127.0.0.1', family: 4 }] : lookup(hostname, { all: true, verbatim: true })) };
    app = await startTestApp({ claudeUrl: simulator.url, fetch, filesRoot: files.path });
    // Body limit raised so an inline > 5 MB image reaches the engine's own check.
    roomyApp = await startTestApp({ claudeUrl: simulator.url, fetch, filesRoot: files.path, bodyLimitBytes: 16 * 1024 * 1024 });
  });

  afterAll(async () => {
    await app?.close();
    await roomyApp?.close();
    await probes?.close();
    await simulator?.close();
    files.remove();
  });

  const expectNodeFailsBeforeClaude = async (target: TestApp, image: Record<string, unknown>, message: RegExp) => {
    const calls = simulator.requests.length;
    const { events, terminal } = await runToTerminal(target.url, { workflow: visionWorkflow(image), input: {} });
    expect(terminal.type).toBe('run.failed');
    const failed = events.find((event): event is NodeFailedEvent => event.type === 'node.failed');
    expect(failed?.nodeId).toBe('look');
    expect(failed?.data.error.message).toMatch(message);
    expect(simulator.requests.length).toBe(calls);
  };

  it('refuses an image wider than 8000 px (read from the PNG header) before calling Claude', async () => {
    const data = pngHeader(9000, 10).toString('base64');
    await expectNodeFailsBeforeClaude(app, { source: 'base64', media_type: 'image/png', data }, /9000|8000/);
  });

  it('refuses a > 5 MB image served from an allowed URL before calling Claude', async () => {
    await expectNodeFailsBeforeClaude(app, { source: 'url', url: `http://${ALLOWED_HOST}:${probes.allowedPort}/huge.png` }, /5 ?MB|bytes|too large|limit/i);
  });

  it('refuses a > 5 MB base64 image: 413 at the default body limit, 400 naming the path above it (workflow or input)', async () => {
    const data = Buffer.concat([pngHeader(10, 10), Buffer.alloc(OVER_5_MB)]).toString('base64');
    const inline = visionWorkflow({ source: 'base64', media_type: 'image/png', data });
    const before = app.rowCounts();
    expect((await httpJson(`${app.url}/api/runs`, { body: { workflow: inline, input: {} } })).status).toBe(413);
    expect(app.rowCounts()).toEqual(before);

    const roomyBefore = roomyApp.rowCounts();
    const calls = simulator.requests.length;
    const rejected = await httpJson(`${roomyApp.url}/api/runs`, { body: { workflow: inline, input: {} } });
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(rejected.body)).toContain('/nodes/1/config/images/0/data');
    expect(roomyApp.rowCounts()).toEqual(roomyBefore);
    expect(simulator.requests.length).toBe(calls);

    // Through the run input the same image is refused at validation, naming the input path.
    const fromInput = { ...visionWorkflow({ source: 'template', value: '{{input.image}}' }), inputs: { type: 'object', properties: { image: { type: 'object' } } } };
    const viaInput = await httpJson(`${roomyApp.url}/api/runs`, { body: { workflow: fromInput, input: { image: { media_type: 'image/png', data } } } });
    expect(viaInput.status).toBe(400);
    expect(JSON.stringify(viaInput.body)).toContain('/image/data');
    expect(roomyApp.rowCounts()).toEqual(roomyBefore);
    expect(simulator.requests.length).toBe(calls);
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'sub/../../../etc/passwd', '..\\..\\etc\\passwd'])('answers 400 to a vision file path that leaves the files root: %s', async (path) => {
    const before = app.rowCounts();
    const calls = simulator.requests.length;
    const response = await httpJson(`${app.url}/api/runs`, { body: { workflow: visionWorkflow({ source: 'file', path }), input: {} } });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(app.rowCounts()).toEqual(before);
    expect(simulator.requests.length).toBe(calls);
  });
});
