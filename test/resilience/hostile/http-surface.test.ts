import { describe, expect, it } from 'vitest';
import { httpJson } from '../../helpers/http-json';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { rawHttp } from '../../helpers/raw-http';
import { useAppOnSimulator } from '../../helpers/use-app-on-simulator';

/** Hostile requests against the HTTP surface: each gets the right status and persists nothing. */
describe('hostile HTTP input', () => {
  const running = useAppOnSimulator();

  const expectRejected = async (send: () => Promise<{ status: number; body: unknown }>, status: number) => {
    const before = running.app.rowCounts();
    const calls = running.simulator.requests.length;
    const response = await send();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(running.app.rowCounts()).toEqual(before);
    expect(running.simulator.requests.length).toBe(calls);
    const health = await httpJson<{ ok: boolean }>(`${running.app.url}/api/health`);
    expect(health.body.ok).toBe(true);
    return response;
  };

  it('answers 413 to a body over the 5 MB limit', async () => {
    const topic = 'x'.repeat(6 * 1024 * 1024);
    const response = await expectRejected(() => httpJson(`${running.app.url}/api/runs`, { body: { workflow: onePromptWorkflow(), input: { topic } } }), 413);
    expect(JSON.stringify(response.body)).toMatch(/"type"/);
  });

  it('answers 400 to 10,000-deep JSON without overflowing the stack', async () => {
    const deep = `{"workflow":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    await expectRejected(() => httpJson(`${running.app.url}/api/runs`, { body: deep }), 400);
    await expectRejected(() => httpJson(`${running.app.url}/api/workflows`, { body: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}` }), 400);
  });

  it.each([
    ['__proto__', '{"workflowId":"x","input":{"__proto__":{"polluted":"yes"}}}'],
    ['constructor.prototype', '{"workflowId":"x","input":{"constructor":{"prototype":{"polluted":"yes"}}}}'],
    ['nested __proto__ in a workflow', '{"workflow":{"nodes":[{"config":{"__proto__":{"polluted":"yes"}}}]}}'],
  ])('answers 400 to a %s key and never pollutes Object.prototype', async (_name, body) => {
    const response = await expectRejected(() => httpJson(`${running.app.url}/api/runs`, { body }), 400);
    expect(JSON.stringify(response.body)).toMatch(/__proto__|constructor|prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 403 to a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(running.app.url);
    await expectRejected(() => rawHttp(`${running.app.url}/api/health`, { headers: { host: `evil.example:${port}` } }), 403);
    await expectRejected(() => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { host: 'attacker.test', 'content-type': 'application/json' }, body: JSON.stringify({ workflow: onePromptWorkflow(), input: {} }) }), 403);
  });

  it('answers 403 to a cross-origin Origin', async () => {
    await expectRejected(() => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ workflow: onePromptWorkflow(), input: {} }) }), 403);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['an HTML form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
  ])('answers 415 to a %s POST', async (_name, contentType) => {
    await expectRejected(() => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ workflow: onePromptWorkflow(), input: {} }) }), 415);
  });

  it.each(['../../etc/passwd', '..', 'a/../../b', '%2e%2e%2fetc', 'C:\\Windows\\win.ini'])('answers 400 to a workflow id that could name a file: %s', async (id) => {
    await expectRejected(() => httpJson(`${running.app.url}/api/workflows`, { body: { ...onePromptWorkflow(), id } }), 400);
    await expectRejected(() => httpJson(`${running.app.url}/api/runs`, { body: { workflow: { ...onePromptWorkflow(), id }, input: {} } }), 400);
  });

  it('answers 400 or 404, never a file, to a traversing workflow id in the path', async () => {
    const response = await rawHttp(`${running.app.url}/api/workflows/..%2F..%2Fetc%2Fpasswd`);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toMatch(/root:/);
  });
});
