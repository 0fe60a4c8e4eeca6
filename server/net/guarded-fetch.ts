import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { GuardedFetch } from '../engine/types';
import { classifyAddress } from './classify-address';
import { FetchError } from './fetch-error';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface GuardedFetchOptions {
  /** Allow private, loopback and link-local targets (server config; tests). */
  allowPrivate?: boolean;
  /** Host names that may resolve to private addresses (e.g. an intranet API the admin trusts). */
  allowHosts?: string[];
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
  const allowHosts = new Set((options.allowHosts ?? []).map((host) => host.toLowerCase()));

  return async (input, init = {}) => {
    const maxBytes = init.maxBytes ?? options.maxBytes ?? DEFAULT_MAX_BYTES;
    const timeoutMs = init.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let url = parseUrl(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const headers = new Headers(init.headers);
    try {
      for (let hop = 0; ; hop += 1) {
        const address = await checkedAddress(url);
        const response = await send(url, address, method, headers, body, signal);
        const location = response.headers.location;
        if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
          response.resume();
          if (hop >= MAX_REDIRECTS) throw new FetchError('too_many_redirects', `more than ${MAX_REDIRECTS} redirects`);
          url = parseUrl(new URL(location, url).toString());
          if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            headers.delete('content-type');
          }
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
    if (!options.allowPrivate && !allowHosts.has(hostname.toLowerCase())) {
      for (const { address } of addresses) {
        const reason = classifyAddress(address);
        if (reason) throw new FetchError('ssrf_blocked', `refusing to connect to ${hostname} (${address}): ${reason} addresses are blocked`);
      }
    }
    return addresses[0] as ResolvedAddress;
  }
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
