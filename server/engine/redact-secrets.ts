import type { Json } from '../../shared/json-schema';

/** Values this short would redact ordinary words; secrets are keys and tokens, never 3 chars. */
export const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of a secret value with `[secret:NAME]`. Applied to everything the
 * engine emits, so a key echoed by Claude, a tool or an error message never reaches a trace.
 * Streamed text goes through StreamRedactor instead, which also catches a secret split across deltas.
 */
export function redactSecrets(value: Json, secrets: Record<string, string>): Json {
  const entries = Object.entries(secrets).filter(([, secret]) => secret.length >= MIN_SECRET_LENGTH);
  if (entries.length === 0) return value;
  return walk(value, entries);
}

/** One string with every listed secret replaced (longest first, so a secret inside another is not half-replaced). */
export function redactText(text: string, entries: readonly [string, string][]): string {
  let out = text;
  for (const [name, secret] of [...entries].sort((a, b) => b[1].length - a[1].length)) if (out.includes(secret)) out = out.split(secret).join(`[secret:${name}]`);
  return out;
}

function walk(value: Json, entries: [string, string][]): Json {
  if (typeof value === 'string') return redactText(value, entries);
  if (Array.isArray(value)) return value.map((item) => walk(item, entries));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = walk(item, entries);
    return out;
  }
  return value;
}
