import { describe, expect, it } from 'vitest';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { rawHttp, type RawResponse } from '../../helpers/raw-http';
import { useAppOnSimulator } from '../../helpers/use-app-on-simulator';

/** What every response must carry (server/http/security-headers.ts), refusals included. */
function expectSecurityHeaders(response: RawResponse): void {
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
}

// A refusal is a page too: a 403 without frame-ancestors can be framed, one without nosniff sniffed.
describe('security headers on refusals and errors', () => {
  const running = useAppOnSimulator();
  const workflowBody = () => JSON.stringify({ workflow: onePromptWorkflow(), input: {} });

  it.each([
    ['403 forbidden_host', () => rawHttp(`${running.app.url}/api/health`, { headers: { host: 'evil.example' } }), 403],
    ['403 forbidden_origin', () => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: workflowBody() }), 403],
    ['415 not JSON', () => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: workflowBody() }), 415],
    ['404 unknown route', () => rawHttp(`${running.app.url}/api/nowhere`), 404],
    ['400 bad JSON', () => rawHttp(`${running.app.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 400],
    ['200 health', () => rawHttp(`${running.app.url}/api/health`), 200],
  ])('%s carries them', async (_label, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });
});
