import type { Json } from '../../shared/json-schema';
import type { CassetteRequest } from './cassette';
import { sortKeysDeep } from './canonical-json';

/** Request headers that change what the API does; everything else (auth, user agent, retry count, timeouts) is noise. */
const MATCHED_HEADERS = ['anthropic-version', 'anthropic-beta'];
const CREDENTIAL_HEADERS = ['x-api-key', 'authorization'];

export interface ReadRequest {
  request: CassetteRequest;
  /** Credential values seen on the request, so a recording can scrub them from any text it keeps. */
  credentials: string[];
  /** The body as sent; a recorder forwards this when reading consumed a one-shot body stream. */
  bodyText: string;
}

/** Reads what a fetch call is about into the cassette's canonical form. */
export async function toCassetteRequest(input: string | URL | Request, init: RequestInit | undefined): Promise<ReadRequest> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init?.headers).forEach((value, name) => headers.set(name, value));

  const kept: Record<string, string> = {};
  for (const name of MATCHED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  const credentials: string[] = [];
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers.get(name)?.replace(/^Bearer\s+/i, '').trim();
    if (value) credentials.push(value);
  }

  const text = await readBodyText(input, init);
  const request: CassetteRequest = { method, path: url.pathname + url.search, headers: kept };
  if (text) request.body = parseBody(text);
  return { request, credentials, bodyText: text };
}

async function readBodyText(input: string | URL | Request, init: RequestInit | undefined): Promise<string> {
  const body = init?.body;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (body === undefined || body === null) return input instanceof Request ? input.clone().text() : '';
  // Streams and form data never come from the Messages API calls the engine makes.
  return new Response(body).text();
}

function parseBody(text: string): Json {
  try {
    return sortKeysDeep(JSON.parse(text) as Json);
  } catch {
    return text;
  }
}
