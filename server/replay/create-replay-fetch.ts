import type { Cassette, CassetteExchange, CassetteRequest, FetchLike } from './cassette';
import { canonicalJson } from './canonical-json';
import { describeRequest } from './describe-request';
import { firstDifference } from './first-difference';
import type { SecretMatcher } from '../engine/secret-matcher';
import { redactRequest } from './redact-request';
import { toCassetteRequest } from './to-cassette-request';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const VALUE_EXCERPT_CHARS = 120;

/** The error type a replayed run fails with when it asks something the cassette never recorded. */
export const CASSETTE_MISMATCH = 'cassette_mismatch';

/**
 * A fetch that answers from a cassette and never touches the network. Requests match on method,
 * path, `anthropic-beta` and canonical body; identical requests get their recorded answers in
 * order. An unmatched request gets a 400 in the API's error envelope (type `cassette_mismatch`)
 * naming the request and the closest recorded one: a response, not a thrown error, because the
 * SDK retries thrown errors and then replaces their message with "Connection error.".
 */
export function createReplayFetch(cassette: Cassette, redactor?: SecretMatcher): FetchLike {
  const byKey = new Map<string, CassetteExchange[]>();
  for (const exchange of cassette.exchanges) {
    const key = requestKey(exchange.request);
    byKey.set(key, [...(byKey.get(key) ?? []), exchange]);
  }
  const used = new Map<string, number>();

  return async (input, init) => {
    if (init?.signal?.aborted) throw init.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    // Recorded requests hold `[secret:NAME]` where the secret was; this request must too, whatever value NAME has here.
    const request = redactRequest((await toCassetteRequest(input, init)).request, redactor);
    const key = requestKey(request);
    const candidates = byKey.get(key) ?? [];
    const index = used.get(key) ?? 0;
    const exchange = candidates[index];
    if (!exchange) return mismatch(explainMismatch(request, candidates.length, cassette.exchanges));
    used.set(key, index + 1);
    const { status, headers, body } = exchange.response;
    return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, headers });
  };
}

function requestKey(request: CassetteRequest): string {
  return `${request.method} ${request.path} ${request.headers['anthropic-beta'] ?? ''}\n${canonicalJson(request.body)}`;
}

function explainMismatch(request: CassetteRequest, timesRecorded: number, exchanges: readonly CassetteExchange[]): string {
  const asked = describeRequest(request);
  if (timesRecorded > 0) {
    return `The cassette recorded ${asked} ${timesRecorded} time(s) and the run asked for it once more. The workflow now makes more calls than when it was recorded: record the cassette again.`;
  }
  const closest = closestRecorded(request, exchanges);
  if (!closest) return `The cassette has no recorded exchanges, so it cannot answer ${asked}. Record it again.`;
  const difference = firstDifference({ ...closest.request }, { ...request }, 'request');
  const where = difference ? ` It differs first at ${difference.path}: recorded ${show(difference.recorded)}, now ${show(difference.actual)}.` : '';
  return `No recorded exchange matches ${asked}. Closest recorded request: ${describeRequest(closest.request)}.${where} The workflow, its input or the model changed since the cassette was recorded: record it again.`;
}

/** Prefers the same endpoint, then the same model, then the longest shared canonical prefix. */
function closestRecorded(request: CassetteRequest, exchanges: readonly CassetteExchange[]): CassetteExchange | undefined {
  const text = canonicalJson(request.body);
  const model = modelOf(request);
  let best: { exchange: CassetteExchange; score: number[] } | undefined;
  for (const exchange of exchanges) {
    const recorded = exchange.request;
    const score = [Number(recorded.method === request.method && recorded.path === request.path), Number(modelOf(recorded) === model), sharedPrefix(canonicalJson(recorded.body), text)];
    if (!best || isBetter(score, best.score)) best = { exchange, score };
  }
  return best?.exchange;
}

function modelOf(request: CassetteRequest): string | undefined {
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) && typeof body.model === 'string' ? body.model : undefined;
}

function sharedPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function isBetter(score: number[], than: number[]): boolean {
  for (let index = 0; index < score.length; index += 1) {
    if ((score[index] as number) !== (than[index] as number)) return (score[index] as number) > (than[index] as number);
  }
  return false;
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > VALUE_EXCERPT_CHARS ? `${text.slice(0, VALUE_EXCERPT_CHARS - 1)}…` : text;
}

function mismatch(message: string): Response {
  return new Response(JSON.stringify({ type: 'error', error: { type: CASSETTE_MISMATCH, message } }), {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-should-retry': 'false', 'request-id': 'req_cassette_mismatch' },
  });
}
