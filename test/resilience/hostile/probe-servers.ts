import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeServers {
  /** A loopback server standing in for an internal service; every hit on it is an SSRF. */
  secretPort: number;
  secretHits: () => number;
  /** Serves what the allow-listed host answers: `/ok`, `/redirect-to-secret`, `/huge.png`. */
  allowedPort: number;
  close(): Promise<void>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function startProbeServers(hugeImageBytes: number): Promise<ProbeServers> {
  let hits = 0;
  const secret = createServer((_req, res) => {
    hits += 1;
    res.end('internal secret');
  });
  const secretPort = await listen(secret, '::').catch(() => listen(secret, '127.0.0.1'));
  const allowed = createServer((req, res) => {
    if (req.url === '/redirect-to-secret') {
      res.writeHead(302, { location: `http://127.0.0.1:${secretPort}/` });
      return res.end();
    }
    if (req.url === '/huge.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(hugeImageBytes)]));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  const allowedPort = await listen(allowed, '127.0.0.1');
  return {
    secretPort,
    secretHits: () => hits,
    allowedPort,
    close: async () => {
      for (const server of [secret, allowed]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
