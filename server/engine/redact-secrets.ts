import type { Json } from '../../shared/json-schema';
import { SecretMatcher } from './secret-matcher';

export { MIN_SECRET_LENGTH } from './secret-matcher';

/**
 * Replaces every occurrence of a secret, in any form Trellis produces and any letter case, with
 * `[secret:NAME]`, in object keys as well as values (a secret used as a JSON key is as visible as
 * one used as a value). Applied to everything the engine emits and, through the environment's
 * redactor, to every response, row, log line, CLI line and cassette; streamed text goes through
 * StreamRedactor, which also catches a secret split across deltas.
 */
export function redactSecrets(value: Json, secrets: Readonly<Record<string, string>> | SecretMatcher): Json {
  const matcher = secrets instanceof SecretMatcher ? secrets : new SecretMatcher(secrets);
  if (matcher.empty) return value;
  return walk(value, matcher);
}

function walk(value: Json, matcher: SecretMatcher): Json {
  if (typeof value === 'string') return matcher.redact(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, matcher));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[matcher.redact(key)] = walk(item, matcher);
    return out;
  }
  return value;
}
