import { describe, expect, it } from 'vitest';
import { MODEL, useSimulator } from './helpers';

const HEADERS = { 'content-type': 'application/json', 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
const BODY = JSON.stringify({ model: MODEL, max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] });

describe('transport', () => {
  const start = useSimulator();

  async function post(url: string, headers: Record<string, string>, body: string = BODY) {
    const response = await fetch(`${url}/v1/messages`, { method: 'POST', headers, body });
    return { response, json: (await response.json()) as { type: string; error?: { type: string; message: string }; request_id?: string } };
  }

  it('accepts x-api-key or a Bearer token, and answers neither with 401', async () => {
    const { sim } = await start();
    expect((await post(sim.url, HEADERS)).response.status).toBe(200);
    const bearer = { ...HEADERS, 'x-api-key': '', authorization: 'Bearer k' };
    expect((await post(sim.url, bearer)).response.status).toBe(200);
    const { response, json } = await post(sim.url, { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(401);
    expect(json).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } });
    expect(json.request_id).toBe(response.headers.get('request-id'));
  });

  it('requires a known anthropic-version', async () => {
    const { sim } = await start();
    const missing = await post(sim.url, { ...HEADERS, 'anthropic-version': '' });
    expect(missing.response.status).toBe(400);
    expect(missing.json.error?.message).toBe('anthropic-version: header is required');
    const unknown = await post(sim.url, { ...HEADERS, 'anthropic-version': '2020-01-01' });
    expect(unknown.response.status).toBe(400);
    expect((await post(sim.url, { ...HEADERS, 'anthropic-version': '2026-10-21' })).response.status).toBe(200);
  });

  it('answers malformed JSON with 400 and an over-32 MB body with 413', async () => {
    const { sim } = await start();
    const malformed = await post(sim.url, HEADERS, '{"model": ');
    expect(malformed.response.status).toBe(400);
    expect(malformed.json.error?.type).toBe('invalid_request_error');
    const huge = await post(sim.url, HEADERS, ' '.repeat(32 * 1024 * 1024 + 10));
    expect(huge.response.status).toBe(413);
    expect(huge.json.error?.type).toBe('request_too_large');
  });

  it('answers unknown paths with 404 and always sends request-id and a JSON content-type', async () => {
    const { sim } = await start();
    const response = await fetch(`${sim.url}/v1/nothing`, { headers: HEADERS });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('request-id')).toMatch(/^req_011C[0-9A-Za-z]{20}$/);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
    expect(sim.requests.map((request) => request.status)).toEqual([404]);
  });

  it('logs every request in order with its body and retry count, redacting credentials', async () => {
    const { sim } = await start();
    await post(sim.url, { ...HEADERS, 'x-stainless-retry-count': '3' });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages', retryCount: 3, status: 200, stream: false, clientClosed: false, body: JSON.parse(BODY) });
    expect(sim.requests[0]?.headers['x-api-key']).toBe('[redacted]');
    sim.reset();
    expect(sim.requests).toHaveLength(0);
  });
});
