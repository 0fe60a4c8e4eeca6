import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

export interface HostGuardOptions {
  /** The address the server is bound to. */
  boundHost: string;
  /** Extra `name` or `name:port` values accepted in `Host` (e.g. a dev proxy's `localhost:5173`). */
  allowedHosts?: string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * DNS-rebinding defence: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * `Host: evil.example`, so only names that mean "this machine" (plus configured ones) pass, and
 * only with the port the connection actually arrived on.
 */
export function hostGuard(options: HostGuardOptions): RequestHandler {
  const names = new Set([...LOOPBACK_NAMES, bracketIPv6(options.boundHost.toLowerCase())]);
  const exact = new Set<string>();
  for (const entry of options.allowedHosts ?? []) {
    const value = entry.trim().toLowerCase();
    if (!value) continue;
    if (/:\d+$/.test(value)) exact.add(value);
    else names.add(value);
  }
  const anyAddress = WILDCARDS.has(options.boundHost);
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (exact.has(host)) return next();
    const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/.exec(host);
    const name = match?.[1];
    const port = match?.[2] === undefined ? 80 : Number(match[2]);
    const nameOk = name !== undefined && (names.has(name) || (anyAddress && isIP(name.replace(/^\[|\]$/g, '')) !== 0));
    if (nameOk && port === req.socket.localPort) return next();
    next(new HttpError(403, 'forbidden_host', `Host "${req.headers.host ?? ''}" is not allowed. Open Trellis at http://localhost:${req.socket.localPort}/ or add the name to TRELLIS_ALLOWED_HOSTS.`));
  };
}

function bracketIPv6(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
