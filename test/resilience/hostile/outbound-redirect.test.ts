import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpTool } from '../../../server/engine/tools/http-tool';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import { startRecordingServer, type RecordingServer } from './recording-server';

// An http tool's credentials are for the origin the workflow named. A redirect to another origin
// (another port here; scheme and host count the same) must not carry them, nor the body.
describe('cross-origin redirects', () => {
  let target: RecordingServer;
  let first: RecordingServer;
  const fetch = createGuardedFetch({ allowPrivate: true });

  beforeAll(async () => {
    target = await startRecordingServer();
    first = await startRecordingServer((req, res) => {
      const status = Number(/^\/(\d{3})/.exec(req.url)?.[1]);
      if (!status) return false;
      const sameOrigin = req.url.includes('same');
      res.writeHead(status, { location: sameOrigin ? '/landed' : `${target.url}/landed` });
      res.end();
      return true;
    });
  });
  afterAll(async () => {
    await first?.close();
    await target?.close();
  });

  const credentials = { authorization: 'Bearer sentinel-auth', 'x-api-key': 'sentinel-key', cookie: 'session=sentinel-cookie' };

  it.each([301, 302, 303, 307, 308])('a GET followed through %i to another origin arrives without Authorization, X-Api-Key or Cookie', async (status) => {
    const before = target.requests.length;
    const response = await fetch(`${first.url}/${status}`, { headers: { ...credentials, 'x-trace': 'kept' } });
    expect(response.status).toBe(200);
    const landed = target.requests.slice(before);
    expect(landed).toHaveLength(1);
    expect(landed[0]?.headers.authorization).toBeUndefined();
    expect(landed[0]?.headers['x-api-key']).toBeUndefined();
    expect(landed[0]?.headers.cookie).toBeUndefined();
    expect(landed[0]?.headers['x-trace']).toBe('kept');
    expect(JSON.stringify(landed)).not.toContain('sentinel');
  });

  it.each([307, 308])('a POST with a body is not followed through %i to another origin: the body and credentials never leave', async (status) => {
    const before = target.requests.length;
    const error = await fetch(`${first.url}/${status}`, { method: 'POST', headers: { ...credentials, 'content-type': 'application/json' }, body: '{"card":"sentinel-body"}' }).then(
      () => undefined,
      (failure: unknown) => failure as { type: string; message: string },
    );
    expect(error?.type).toBe('redirect_refused');
    expect(target.requests.length).toBe(before);
  });

  it('a POST 303-redirected to another origin becomes a bodyless GET without credentials', async () => {
    const before = target.requests.length;
    await fetch(`${first.url}/303`, { method: 'POST', headers: credentials, body: 'sentinel-body' });
    const landed = target.requests.slice(before);
    expect(landed.map((request) => request.method)).toEqual(['GET']);
    expect(JSON.stringify(landed)).not.toContain('sentinel');
  });

  it('a same-origin 307 keeps the body and the credentials (nothing leaves the origin)', async () => {
    const before = first.requests.length;
    await fetch(`${first.url}/307-same`, { method: 'POST', headers: credentials, body: 'payload' });
    const landed = first.requests.slice(before + 1);
    expect(landed).toHaveLength(1);
    expect(landed[0]?.body).toBe('payload');
    expect(landed[0]?.headers.authorization).toBe('Bearer sentinel-auth');
  });

  it("an http tool header rendered from a secret is dropped on a cross-origin redirect, whatever it's called", async () => {
    const before = target.requests.length;
    const output = await runHttpTool(
      { kind: 'http', method: 'GET', url: `${first.url}/302`, headers: { 'X-Weather-Token': '{{secrets.WEATHER_KEY}}', Accept: 'application/json' } },
      {},
      { fetch, secrets: { WEATHER_KEY: 'sentinel-weather' }, signal: new AbortController().signal },
    );
    expect(output).toEqual({ ok: true });
    const landed = target.requests.slice(before);
    expect(landed).toHaveLength(1);
    expect(landed[0]?.headers['x-weather-token']).toBeUndefined();
    expect(landed[0]?.headers.accept).toBe('application/json');
  });
});
