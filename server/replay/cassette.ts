import type { Json } from '../../shared/json-schema';

export const CASSETTE_FORMAT = 'trellis.cassette';
export const CASSETTE_VERSION = 1;

/** The fetch signature the Anthropic SDK accepts as its `fetch` client option. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A request as it is matched on replay: no host (cassettes survive a base URL change), no
 * credentials, only the headers that change what the API does, and the body as canonical JSON
 * (sorted keys) so key order never causes a mismatch.
 */
export interface CassetteRequest {
  method: string;
  /** Path and query, e.g. `/v1/messages`. */
  path: string;
  /** Only `anthropic-version` and `anthropic-beta`, lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body with sorted keys; a string when the body was not JSON; absent when empty. */
  body?: Json;
}

export interface CassetteResponse {
  status: number;
  /** Only `content-type`, `request-id` and the retry hints the SDK obeys. */
  headers: Record<string, string>;
  /** The full body text: JSON, or the SSE event stream for streamed calls. */
  body: string;
}

export interface CassetteExchange {
  request: CassetteRequest;
  response: CassetteResponse;
}

export interface Cassette {
  format: typeof CASSETTE_FORMAT;
  version: typeof CASSETTE_VERSION;
  exchanges: CassetteExchange[];
}
