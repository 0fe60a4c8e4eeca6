import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainWorkflow } from './helpers/fixture-workflows';
import { rawHttp } from '../../helpers/raw-http';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  expect((await app.postJson('/api/workflows', chainWorkflow())).status).toBe(201);
});
afterAll(() => app.close());

/** Row counts of every table: a refused request must leave all of them unchanged. */
function rowCounts() {
  return { workflows: app.store.workflows.count(), runs: app.store.runs.count(), nodes: app.store.nodeResults.count(), events: app.store.events.count() };
}

async function expectRefused(send: () => Promise<{ status: number; body: string }>, status: number, type: string) {
  const before = rowCounts();
  const response = await send();
  expect(response.status).toBe(status);
  expect(JSON.parse(response.body)).toMatchObject({ error: { type } });
  expect(rowCounts()).toEqual(before);
  expect(app.simulator!.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(0);
}

const json = { 'content-type': 'application/json' };
const host = () => ({ host: `127.0.0.1:${app.port}` });
const runBody = JSON.stringify({ workflowId: 'chain', input: { topic: 'tea' } });

describe('DNS rebinding and cross-origin requests', () => {
  it('refuses a Host that is not this machine, on the API and the event stream', async () => {
    await expectRefused(() => rawHttp(`${app.url}/api/workflows`, { headers: { host: `evil.example:${app.port}` } }), 403, 'forbidden_host');
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { host: `evil.example:${app.port}`, ...json }, body: runBody }), 403, 'forbidden_host');
    await expectRefused(() => rawHttp(`${app.url}/api/health`, { headers: { host: 'localhost:1' } }), 403, 'forbidden_host');
    expect((await rawHttp(`${app.url}/api/health`, { headers: { host: `localhost:${app.port}` } })).status).toBe(200);
  });

  it('refuses a cross-origin Origin on any method, accepts same-origin', async () => {
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), ...json, origin: 'http://evil.example' }, body: runBody }), 403, 'forbidden_origin');
    await expectRefused(() => rawHttp(`${app.url}/api/workflows`, { headers: { ...host(), origin: 'null' } }), 403, 'forbidden_origin');
    const same = await rawHttp(`${app.url}/api/workflows`, { headers: { ...host(), origin: `http://127.0.0.1:${app.port}` } });
    expect(same.status).toBe(200);
  });

  it('sends no CORS headers, not even to a preflight, and hardening headers everywhere', async () => {
    const preflight = await rawHttp(`${app.url}/api/runs`, { method: 'OPTIONS', headers: { ...host(), 'access-control-request-method': 'POST' } });
    const normal = await rawHttp(`${app.url}/api/health`, { headers: host() });
    for (const response of [preflight, normal]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });
});

describe('request bodies', () => {
  it('mutating routes accept only application/json (text/plain and form posts get 415)', async () => {
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), 'content-type': 'text/plain' }, body: runBody }), 415, 'unsupported_media_type');
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), 'content-type': 'application/x-www-form-urlencoded' }, body: 'workflowId=chain' }), 415, 'unsupported_media_type');
    await expectRefused(() => rawHttp(`${app.url}/api/workflows/chain`, { method: 'DELETE', headers: host() }), 415, 'unsupported_media_type');
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), 'content-type': 'application/json; charset=latin1' }, body: runBody }), 415, 'unsupported_media_type');
  });

  it('refuses bodies over 5 MB with 413', async () => {
    const huge = JSON.stringify({ workflowId: 'chain', input: { topic: 'x'.repeat(5 * 1024 * 1024 + 10) } });
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), ...json }, body: huge }), 413, 'payload_too_large');
  });

  it('refuses a 10,000-deep body with 400 and keeps serving', async () => {
    const deep = `{"workflowId":"chain","input":{"topic":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), ...json }, body: deep }), 400, 'too_deep');
    await expectRefused(() => rawHttp(`${app.url}/api/workflows/validate`, { method: 'POST', headers: { ...host(), ...json }, body: '{"a":'.repeat(10_000) }), 400, 'too_deep');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('refuses __proto__, constructor and prototype keys, and nothing gets polluted', async () => {
    const bodies = [
      '{"workflowId":"chain","input":{"__proto__":{"polluted":true}}}',
      '{"workflowId":"chain","input":{"topic":"t","constructor":{"prototype":{"polluted":true}}}}',
      '{"__proto__":{"polluted":true},"workflowId":"chain"}',
    ];
    for (const body of bodies) {
      await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), ...json }, body }), 400, 'forbidden_key');
    }
    await expectRefused(() => rawHttp(`${app.url}/api/workflows/chain`, { method: 'PUT', headers: { ...host(), ...json }, body: '{"prototype":{}}' }), 400, 'forbidden_key');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses malformed JSON with 400', async () => {
    await expectRefused(() => rawHttp(`${app.url}/api/runs`, { method: 'POST', headers: { ...host(), ...json }, body: '{"workflowId": ' }), 400, 'invalid_json');
  });
});

describe('invalid runs persist nothing', () => {
  it('an invalid inline workflow is a 400 with the validator issues', async () => {
    const broken = { ...chainWorkflow(), edges: [{ id: 'e1', source: 'input', target: 'nowhere' }] };
    const before = rowCounts();
    const response = await app.postJson('/api/runs', { workflow: broken, input: { topic: 'tea' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; details: { errors: { edgeId?: string; path: string; rule: string }[] } } };
    expect(body.error.type).toBe('invalid_workflow');
    expect(body.error.details.errors.some((issue) => issue.edgeId === 'e1')).toBe(true);
    expect(rowCounts()).toEqual(before);
  });

  it('invalid input, an unknown sample, an unknown workflow and an ambiguous request are refused', async () => {
    await expectRefused(async () => { const r = await app.postJson('/api/runs', { workflowId: 'chain', input: { topic: 42 } }); return { status: r.status, body: await r.text() }; }, 400, 'invalid_input');
    await expectRefused(async () => { const r = await app.postJson('/api/runs', { workflowId: 'chain', sample: 'nope' }); return { status: r.status, body: await r.text() }; }, 400, 'invalid_input');
    await expectRefused(async () => { const r = await app.postJson('/api/runs', { workflowId: 'missing', input: {} }); return { status: r.status, body: await r.text() }; }, 404, 'not_found');
    await expectRefused(async () => { const r = await app.postJson('/api/runs', { workflowId: 'chain', workflow: chainWorkflow() }); return { status: r.status, body: await r.text() }; }, 400, 'invalid_request');
    await expectRefused(async () => { const r = await app.postJson('/api/runs', [1, 2]); return { status: r.status, body: await r.text() }; }, 400, 'invalid_request');
  });

  it('unknown API routes are JSON 404s', async () => {
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found' } });
  });
});
