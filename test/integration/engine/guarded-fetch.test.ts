import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';

/** A loopback server: /ok answers, /to?url= redirects, /big streams 2 MB, /hang never answers. */
let server: Server;
let port: number;
const hosts: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hosts.push(String(req.headers.host));
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/ok') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, method: req.method }));
    } else if (url.pathname === '/to') {
      res.statusCode = 302;
      res.setHeader('location', url.searchParams.get('url') ?? '/ok');
      res.end();
    } else if (url.pathname === '/loop') {
      res.statusCode = 302;
      res.setHeader('location', '/loop');
      res.end();
    } else if (url.pathname === '/big') {
      res.write(Buffer.alloc(1024 * 1024, 97));
      res.end(Buffer.alloc(1024 * 1024, 97));
    } else if (url.pathname === '/hang') {
      // never answers
    } else {
      res.statusCode = 404;
      res.end('nope');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { type?: string; message: string };
  }
  throw new Error('expected the fetch to fail');
}

describe('createGuardedFetch', () => {
  const guarded = createGuardedFetch();

  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/ok`],
    ['private', () => 'http://10.0.0.1/'],
    ['private 192.168', () => 'http://192.168.0.10/'],
    ['link-local metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', () => `http://[::1]:${port}/ok`],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${port}/ok`],
    ['decimal IPv4', () => `http://2130706433:${port}/ok`],
    ['octal IPv4', () => `http://0177.0.0.1:${port}/ok`],
    ['hex IPv4', () => `http://0x7f.0.0.1:${port}/ok`],
    ['unspecified', () => `http://0.0.0.0:${port}/ok`],
  ])('refuses a %s target with ssrf_blocked', async (_label, url) => {
    const before = hosts.length;
    const error = await failure(guarded(url()));
    expect(error.type).toBe('ssrf_blocked');
    expect(hosts.length).toBe(before);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const fetch = createGuardedFetch({ lookup: async () => [{ address: '10.0.0.7', family: 4 }] });
    const error = await failure(fetch('http://intranet.example/'));
    expect(error.type).toBe('ssrf_blocked');
    expect(error.message).toContain('10.0.0.7');
  });

  it('refuses when any resolved address is private, even if another is public', async () => {
    const fetch = createGuardedFetch({ lookup: async () => [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }] });
    expect((await failure(fetch('http://mixed.example/'))).type).toBe('ssrf_blocked');
  });

  it('refuses non-http schemes', async () => {
    expect((await failure(guarded('file:///etc/passwd'))).type).toBe('bad_url');
    expect((await failure(guarded('ftp://example.com/'))).type).toBe('bad_url');
  });

  it('connects to the checked address (one lookup per hop) and keeps the Host header', async () => {
    let lookups = 0;
    const fetch = createGuardedFetch({
      allowHosts: [`trusted.test:${port}`],
      lookup: async () => {
        lookups += 1;
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const response = await fetch(`http://trusted.test:${port}/ok`);
    expect(await response.json()).toEqual({ ok: true, method: 'GET' });
    expect(lookups).toBe(1);
    expect(hosts.at(-1)).toBe(`trusted.test:${port}`);
  });

  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/ok`],
    ['metadata', () => 'http://169.254.169.254/'],
    ['decimal loopback', () => `http://2130706433:${port}/ok`],
  ])('re-checks redirect targets: a redirect to %s is refused', async (_label, target) => {
    const fetch = createGuardedFetch({ allowHosts: [`trusted.test:${port}`], lookup: async () => [{ address: '127.0.0.1', family: 4 }] });
    const error = await failure(fetch(`http://trusted.test:${port}/to?url=${encodeURIComponent(target())}`));
    expect(error.type).toBe('ssrf_blocked');
  });

  it('follows redirects to private targets when allowPrivate is set', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true });
    const response = await fetch(`http://127.0.0.1:${port}/to?url=${encodeURIComponent(`http://127.0.0.1:${port}/ok`)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, method: 'GET' });
  });

  it('stops after 5 redirects', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true });
    expect((await failure(fetch(`http://127.0.0.1:${port}/loop`))).type).toBe('too_many_redirects');
  });

  it('caps the body size', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true, maxBytes: 1024 * 1024 });
    expect((await failure(fetch(`http://127.0.0.1:${port}/big`))).type).toBe('too_large');
    const roomy = await fetch(`http://127.0.0.1:${port}/big`, { maxBytes: 3 * 1024 * 1024 });
    expect((await roomy.arrayBuffer()).byteLength).toBe(2 * 1024 * 1024);
  });

  it('gives up with a timeout error when the server never answers', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true, timeoutMs: 50 });
    expect((await failure(fetch(`http://127.0.0.1:${port}/hang`))).type).toBe('timeout');
  });

  it('passes non-2xx responses through for the caller to judge', async () => {
    const fetch = createGuardedFetch({ allowPrivate: true });
    const response = await fetch(`http://127.0.0.1:${port}/missing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('nope');
  });
});
