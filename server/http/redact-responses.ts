import type { RequestHandler } from 'express';
import type { Json } from '../../shared/json-schema';
import { redactSecrets } from '../engine/redact-secrets';
import type { SecretMatcher } from '../engine/secret-matcher';

/**
 * The one place every API response body passes through on its way out: JSON bodies (runs, batches,
 * estimates, errors) are redacted key by key and value by value, and text written to a stream
 * (SSE frames, CSV) chunk by chunk. Each SSE frame and CSV body is written whole, so a chunk never
 * splits a secret; streamed model text is already redacted as one stream by the engine.
 * Whatever a route, a store row or an upstream error message holds, the API key and every granted
 * secret cannot leave through HTTP in any form the matcher knows.
 */
export function redactResponses(matcher: SecretMatcher): RequestHandler {
  return (_req, res, next) => {
    if (matcher.empty) return next();
    const json = res.json.bind(res);
    res.json = (body?: unknown) => json(body === undefined ? body : redactSecrets(body as Json, matcher));
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => write(redactChunk(chunk, matcher), ...rest)) as typeof res.write;
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => typeof res;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'function' || chunk === undefined || chunk === null) return end(chunk, ...rest);
      const redacted = redactChunk(chunk, matcher);
      // res.send has already set Content-Length for the unredacted body; a shorter or longer body must say so.
      if (redacted !== chunk && !res.headersSent && res.getHeader('content-length') !== undefined) res.setHeader('content-length', Buffer.byteLength(redacted as string | Uint8Array));
      return end(redacted, ...rest);
    }) as typeof res.end;
    next();
  };
}

function redactChunk(chunk: unknown, matcher: SecretMatcher): unknown {
  if (typeof chunk === 'string') return matcher.redact(chunk);
  if (chunk instanceof Uint8Array) {
    const text = Buffer.from(chunk).toString('utf8');
    const redacted = matcher.redact(text);
    return redacted === text ? chunk : Buffer.from(redacted, 'utf8');
  }
  return chunk;
}
