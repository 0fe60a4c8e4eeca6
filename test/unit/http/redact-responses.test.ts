import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretMatcher } from '../../../server/engine/secret-matcher';
import { redactResponses } from '../../../server/http/redact-responses';

const SECRET = 'sk-ant-redact-responses-0123';
let server: ReturnType<ReturnType<typeof express>['listen']>;
let base = '';

beforeAll(async () => {
  const app = express();
  app.use(redactResponses(new SecretMatcher({ ANTHROPIC_API_KEY: SECRET })));
  app.get('/json', (_req, res) => {
    res.json({ [SECRET]: `key ${SECRET.toUpperCase()}` });
  });
  // res.send sets Content-Length for the body it was given; the redacted body is longer here.
  app.get('/text', (_req, res) => {
    res.type('text/csv').send(`a,b\r\n${Buffer.from(SECRET).toString('base64')},x\r\n`);
  });
  app.get('/stream', (_req, res) => {
    res.type('text/event-stream');
    res.write(`data: ${JSON.stringify({ text: SECRET })}\n\n`);
    res.end(`data: ${encodeURIComponent(SECRET)}\n\n`);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('redactResponses', () => {
  it('redacts JSON keys and values, sent text (with a corrected Content-Length) and streamed writes', async () => {
    const json = await (await fetch(`${base}/json`)).json();
    expect(json).toEqual({ '[secret:ANTHROPIC_API_KEY]': 'key [secret:ANTHROPIC_API_KEY]' });
    const text = await fetch(`${base}/text`);
    const body = await text.text();
    // The base64 characters that also carry the bytes after the secret (here: padding) stay.
    expect(body).toMatch(/^a,b\r\n\[secret:ANTHROPIC_API_KEY\][A-Za-z0-9+/]{0,2}=*,x\r\n$/);
    expect(Number(text.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(await (await fetch(`${base}/stream`)).text()).toBe('data: {"text":"[secret:ANTHROPIC_API_KEY]"}\n\ndata: [secret:ANTHROPIC_API_KEY]\n\n');
  });
});
