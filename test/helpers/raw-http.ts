import { request } from 'node:http';

/**
 * A request through node:http, which (unlike fetch) lets a test send any `Host`, `Origin` or
 * content type, exactly as a hostile page or a DNS-rebinding attack would.
 */
export function rawHttp(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
