import { redactSecrets } from '../engine/redact-secrets';
import type { SecretMatcher } from '../engine/secret-matcher';
import type { CassetteRequest } from './cassette';

/**
 * A cassette request with every secret replaced by `[secret:NAME]`, keys included. Recording
 * stores requests this way and replay redacts each live request the same way before matching, so
 * a recorded exchange matches whatever value NAME has when the cassette is replayed.
 */
export function redactRequest(request: CassetteRequest, redactor: SecretMatcher | undefined): CassetteRequest {
  if (!redactor || redactor.empty) return request;
  const out: CassetteRequest = { ...request, path: redactor.redact(request.path) };
  if (request.body !== undefined) out.body = redactSecrets(request.body, redactor);
  return out;
}
