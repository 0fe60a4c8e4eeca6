import type { Json } from '../../shared/json-schema';
import { CASSETTE_FORMAT, CASSETTE_VERSION, type Cassette, type CassetteExchange, type CassetteRequest, type FetchLike } from './cassette';
import type { SecretMatcher } from '../engine/secret-matcher';
import { coalesceSseDeltas } from './coalesce-sse-deltas';
import { redactRequest } from './redact-request';
import { toCassetteRequest } from './to-cassette-request';

/** Response headers replay must give back: how to parse the body, the id users quote, and the retry hints the SDK obeys. */
const KEPT_RESPONSE_HEADERS = ['content-type', 'request-id', 'retry-after', 'retry-after-ms', 'x-should-retry'];
const REDACTED = '[redacted]';

export interface RecordingFetch {
  fetch: FetchLike;
  /** The exchanges finished so far, in the order their requests were sent. */
  cassette(): Cassette;
}

/**
 * Wraps `innerFetch` and keeps a copy of every finished exchange. The response body is passed
 * through as it streams and copied on the way; an exchange joins the cassette once its body has
 * been read to the end, so a call the run aborted mid-stream is never replayed as if complete.
 * Credentials sent on a request are scrubbed from anything kept, and so is every value of
 * `redactor` (the granted secrets and the API key, in every form) from request and response
 * bodies, keys included, as `[secret:NAME]`: cassettes are meant to be committed. Replay applies
 * the same redactor to each request before matching, so it still finds the exchange.
 */
export function createRecordingFetch(innerFetch: FetchLike = globalThis.fetch, redactor?: SecretMatcher): RecordingFetch {
  const slots: (CassetteExchange | undefined)[] = [];

  const fetch: FetchLike = async (input, init) => {
    const { request, credentials, bodyText } = await toCassetteRequest(input, init);
    const forwardedInit = init?.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array) ? { ...init, body: bodyText } : init;
    const slot = slots.length;
    slots.push(undefined);
    const response = await innerFetch(input, forwardedInit);
    const headers: Record<string, string> = {};
    for (const name of KEPT_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const finish = (text: string): void => {
      slots[slot] = {
        request: redactRequest(scrubRequest(request, credentials), redactor),
        response: { status: response.status, headers, body: redactor ? redactor.redact(coalesceSseDeltas(scrub(text, credentials))) : scrub(text, credentials) },
      };
    };
    if (!response.body) {
      finish('');
      return response;
    }
    const decoder = new TextDecoder();
    let text = '';
    const copy = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        text += decoder.decode(chunk, { stream: true });
        controller.enqueue(chunk);
      },
      flush() {
        finish(text + decoder.decode());
      },
    });
    return new Response(response.body.pipeThrough(copy), { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return {
    fetch,
    cassette: () => ({ format: CASSETTE_FORMAT, version: CASSETTE_VERSION, exchanges: slots.filter((slot): slot is CassetteExchange => slot !== undefined) }),
  };
}

function scrubRequest(request: CassetteRequest, credentials: string[]): CassetteRequest {
  if (request.body === undefined || credentials.length === 0) return request;
  return { ...request, body: scrubJson(request.body, credentials) };
}

function scrubJson(value: Json, credentials: string[]): Json {
  if (typeof value === 'string') return scrub(value, credentials);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, credentials));
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) copy[key] = scrubJson(item, credentials);
    return copy;
  }
  return value;
}

function scrub(text: string, credentials: string[]): string {
  let result = text;
  // Very short values would redact ordinary words; real keys are long.
  for (const secret of credentials) if (secret.length >= 8) result = result.split(secret).join(REDACTED);
  return result;
}
