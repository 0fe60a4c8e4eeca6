import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenRequestHeader } from '../../shared/forbidden-request-header';
import type { GuardedFetch } from '../engine/types';
import { parseAllowHost, type AllowHost } from './allow-host';
import { classifyAddress } from './classify-address';
import { ownAddresses } from './own-addresses';
import { FetchError } from './fetch-error';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface GuardedFetchOptions {
  /** Allow private, loopback and link-local targets (server config; tests). */
  allowPrivate?: boolean;
  /**
   * `host:port` entries that may resolve to private addresses (e.g. an intranet API the admin
   * trusts); a bare `host` admits its default ports (80 and 443) only. See allow-host.ts.
   */
  allowHosts?: string[];
  /**
   * Ports of Trellis's own listeners (the server, the simulator), read at each request because the
   * server learns its port after listening. Refused on every non-public address and on this
   * machine's own addresses, even when private fetches or the host are allowed: a workflow must
   * never drive Trellis's own API.
   */
  reservedPorts?: () => Iterable<number>;
  /** Default response body cap; a call can lower or raise it with `init.maxBytes`. */
  maxBytes?: number;
  /** Default whole-request deadline, redirects included. */
  timeoutMs?: number;
  /** Injectable DNS for tests; defaults to the system resolver (all addresses). */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
}

const MAX_REDIRECTS = 5;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * fetch for server-side requests to user-chosen URLs (http tools, image URLs). Each hop's host is
 * resolved once, every resolved address is checked, and the socket connects to the checked
 * address (the `lookup` hook), so DNS cannot rebind between check and connect. Redirects are
 * followed by hand and re-checked.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const resolveHost = options.lookup ?? ((hostname: string) => dnsLookup(hostname, { all: true, verbatim: true }));
  const allowHosts: AllowHost[] = (options.allowHosts ?? []).map(parseAllowHost);

  return async (input, init = {}) => {
    const maxBytes = init.maxBytes ?? options.maxBytes ?? DEFAULT_MAX_BYTES;
    const timeoutMs = init.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let url = parseUrl(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const headers = checkedHeaders(init.headers);
    const credentials = new Set([...CREDENTIAL_HEADERS, ...(init.credentialHeaders ?? []).map((name) => name.toLowerCase())]);
    try {
      for (let hop = 0; ; hop += 1) {
        const address = await checkedAddress(url);
        const response = await send(url, address, method, headers, body, signal);
        const location = response.headers.location;
        if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
          response.resume();
          if (hop >= MAX_REDIRECTS) throw new FetchError('too_many_redirects', `more than ${MAX_REDIRECTS} redirects`);
          const next = parseUrl(new URL(location, url).toString());
          const crossOrigin = next.origin !== url.origin;
          if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            headers.delete('content-type');
          }
          if (crossOrigin) {
            // 307/308 promise the same method and body; sending the body to an origin the workflow
            // never named could leak it, and silently turning it into a GET would change what the
            // request means. So the redirect is refused, and the tool sees why.
            if (body !== undefined) throw new FetchError('redirect_refused', `${url.origin} redirected a request with a body to another origin (${next.origin}) with ${response.statusCode}; not followed, so the body is not sent there`);
            for (const name of credentials) headers.delete(name);
          }
          url = next;
          continue;
        }
        return await toResponse(response, maxBytes, signal);
      }
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) throw new FetchError('timeout', `no complete answer from ${url.origin} within ${timeoutMs} ms`);
      throw error;
    }
  };

  async function checkedAddress(url: URL): Promise<ResolvedAddress> {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(hostname);
    let addresses: ResolvedAddress[];
    if (literal) addresses = [{ address: hostname, family: literal }];
    else {
      try {
        addresses = await resolveHost(hostname);
      } catch (error) {
        throw new FetchError('network', `cannot resolve ${hostname}: ${(error as Error).message}`);
      }
    }
    if (addresses.length === 0) throw new FetchError('network', `cannot resolve ${hostname}`);
    const port = effectivePort(url);
    const reserved = new Set(options.reservedPorts?.() ?? []);
    const allowed = options.allowPrivate === true || allowHosts.some((entry) => entry.host === hostname.toLowerCase() && entry.ports.includes(port));
    const own = reserved.has(port) ? ownAddresses() : new Set<string>();
    for (const { address } of addresses) {
      const reason = classifyAddress(address);
      if (reason === undefined && !own.has(address.toLowerCase())) continue;
      if (reserved.has(port)) throw new FetchError('ssrf_blocked', `refusing to connect to ${hostname}:${port} (${address}): that port is Trellis's own server or simulator, which workflows may never call`);
      if (!allowed && reason !== undefined) throw new FetchError('ssrf_blocked', `refusing to connect to ${hostname}:${port} (${address}): ${reason} addresses are blocked`);
    }
    return addresses[0] as ResolvedAddress;
  }
}

/** Sent only to the origin the workflow named; a cross-origin redirect drops them. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The http tool refuses these first with a clearer message; this keeps every other caller honest too. */
function checkedHeaders(init: HeadersInit | undefined): Headers {
  const entries = init instanceof Headers ? [...init.entries()] : Array.isArray(init) ? init : Object.entries(init ?? {});
  for (const [name, value] of entries) {
    const reason = forbiddenRequestHeader(String(name), String(value));
    if (reason) throw new FetchError('forbidden_header', reason);
  }
  return new Headers(entries as [string, string][]);
}

function parseUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('bad_url', `not a valid URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad_url', `only http and https URLs are allowed, got ${url.protocol}`);
  if (url.username || url.password) throw new FetchError('bad_url', 'URLs with credentials are not allowed');
  return url;
}

function send(url: URL, target: ResolvedAddress, method: string, headers: Headers, body: string | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  // Connect to the address that was checked, whatever DNS says now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: Object.fromEntries(headers), lookup: pinned, signal }, resolve);
    outgoing.on('error', (error) => reject(signal.aborted ? signal.reason : new FetchError('network', `${url.origin}: ${error.message}`)));
    outgoing.end(body);
  });
}

async function toResponse(message: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Response> {
  const declared = Number(message.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    message.destroy();
    throw new FetchError('too_large', `the response is ${declared} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of message) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        message.destroy();
        throw new FetchError('too_large', `the response exceeds the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (signal.aborted && !(error instanceof FetchError)) throw signal.reason;
    throw error;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = message.statusCode ?? 500;
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: message.statusMessage ?? '', headers });
}
