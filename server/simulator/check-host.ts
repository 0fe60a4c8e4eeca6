import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { ApiError } from './api-error';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARDS = new Set(['0.0.0.0', '::']);

/**
 * DNS-rebinding defence, the same rule as the server's host guard: a page on evil.example that
 * re-points its name at 127.0.0.1 still sends `Host: evil.example`, and must not read stored batch
 * results. Only names meaning "this machine" (or the bound address) with the simulator's own port pass;
 * bound to a wildcard address, IP literals pass too.
 */
export function checkHost(req: IncomingMessage, boundHost: string): void {
  const host = (req.headers.host ?? '').toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  const name = match?.[1];
  const port = match?.[2] === undefined ? 80 : Number(match[2]);
  const bound = isIP(boundHost) === 6 ? `[${boundHost.toLowerCase()}]` : boundHost.toLowerCase();
  const nameOk = name !== undefined && (LOOPBACK_NAMES.has(name) || name === bound || (WILDCARDS.has(boundHost) && isIP(name.replace(/^\[|\]$/g, '')) !== 0));
  if (nameOk && port === req.socket.localPort) return;
  throw new ApiError(403, 'permission_error', `Host "${req.headers.host ?? ''}" is not this simulator; use http://127.0.0.1:${req.socket.localPort}.`);
}
