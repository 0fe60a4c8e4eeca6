import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Sentinels for the leak tests: values a test plants as a granted secret and as the API key, and
 * the spellings under which a leak could hide. Written independently of the server's redactor
 * (server/engine/secret-forms.ts) so a gap there is not mirrored here.
 *
 * Each sentinel holds characters that the URL encoder, JSON escaping and base64 all change
 * (`/`, `+`, `"`, `=`), and mixed case, so every form differs from the plain value.
 */
export const SENTINEL_SECRET = 'wk/Sentinel+7Q"2x9Lp4Vb=Secret';
export const SENTINEL_API_KEY = 'sk-ant-Sentinel-ApiKey-5k8m2n4p7r';

/** Every spelling under which `secret` must never appear, by what it is. */
export function leakForms(secret: string): Record<string, string> {
  const forms: Record<string, string> = {
    plain: secret,
    upper: secret.toUpperCase(),
    lower: secret.toLowerCase(),
    'url-encoded': encodeURIComponent(secret),
    'json-escaped': JSON.stringify(secret).slice(1, -1),
    'json-escaped twice': JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
    'json-escaped three times': JSON.stringify(JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1)).slice(1, -1),
  };
  // Recognisable pieces, so a half-redacted secret is caught too: runs free of characters JSON
  // escapes (found at any escaping depth), halved when there is only one.
  const runs = secret.split(/["\\]/).filter((run) => run.length >= 8);
  const pieces = runs.length > 1 ? runs : [secret.slice(0, Math.ceil(secret.length / 2) + 2), secret.slice(Math.floor(secret.length / 2) - 2)];
  pieces.forEach((piece, index) => (forms[`piece ${index + 1}`] = piece));
  for (const filler of ['', 'x', 'xy']) {
    // The bytes around the secret change at most 4 characters at each end of its base64.
    const encoded = Buffer.from(`${filler}${secret}`).toString('base64');
    forms[`base64 after ${filler.length} byte(s)`] = encoded.slice(4, -4);
    forms[`base64url after ${filler.length} byte(s)`] = encoded.slice(4, -4).replaceAll('+', '-').replaceAll('/', '_');
  }
  return forms;
}

/** `where: form` for every form of every secret found in `text` (empty: no leak). */
export function findLeaks(where: string, text: string, secrets: readonly string[] = [SENTINEL_SECRET, SENTINEL_API_KEY]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const [form, value] of Object.entries(leakForms(secret))) if (text.includes(value)) found.push(`${where}: ${form} of ${secret === SENTINEL_API_KEY ? 'the API key' : 'the secret'}`);
  }
  return found;
}

/** A SQLite database as text, with its write-ahead log: what someone who copies the --db file gets. */
export function readDatabaseFile(path: string): string {
  return [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file).toString('latin1')).join('\n');
}

/** The text the model is scripted to answer with: each sentinel plain, re-cased and in each encoding, and as JSON keys. */
export function echoEverything(): string {
  const parts: string[] = [];
  for (const secret of [SENTINEL_SECRET, SENTINEL_API_KEY]) {
    parts.push(
      `plain ${secret}`,
      `upper ${secret.toUpperCase()}`,
      `url ${encodeURIComponent(secret)}`,
      `base64 ${Buffer.from(secret).toString('base64')}`,
      `base64-offset ${Buffer.from(`ab${secret}`).toString('base64')}`,
      `json-key ${JSON.stringify({ [secret]: 1 })}`,
    );
  }
  return parts.join(' | ');
}

/**
 * A Claude API stand-in that answers every request with a 400 quoting the key it was sent (plain
 * and base64) and the sentinel secret (URL-encoded), as a careless proxy or API error might.
 * Resolves once it listens on a free loopback port.
 */
export async function startKeyQuotingUpstream(): Promise<Server> {
  const echoing = createServer((request, response) => {
    const key = String(request.headers['x-api-key'] ?? request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.statusCode = 400;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: `bad key ${key} (${Buffer.from(key).toString('base64')}) near ${encodeURIComponent(SENTINEL_SECRET)}` } }));
  });
  await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve));
  return echoing;
}
