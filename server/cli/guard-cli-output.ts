import type { SecretMatcher } from '../engine/secret-matcher';
import { SecretsPolicy, trellisCredentialValues } from '../environment';
import { stripControlCharacters } from '../../shared/strip-control-characters';

/**
 * The one place every byte the CLI prints passes through: stdout and stderr are wrapped once, at
 * start-up, before any command loads, so trace lines, `--json` events, outputs, tables and error
 * messages of every command are redacted (the API key and every granted secret, in every form the
 * matcher knows) and stripped of terminal control sequences, whoever wrote them. Every write is
 * a whole line or more, so a chunk never splits a secret.
 */
export function guardCliOutput(env: Record<string, string | undefined> = process.env): void {
  const matcher = cliRedactor(env);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(clean(chunk, matcher), ...rest)) as typeof stream.write;
  }
}

function cliRedactor(env: Record<string, string | undefined>): SecretMatcher {
  try {
    return SecretsPolicy.fromEnv(env).redactor();
  } catch {
    // A bad TRELLIS_SECRETS is reported by the command; the credentials are still redacted meanwhile.
    return SecretsPolicy.none(trellisCredentialValues(env)).redactor();
  }
}

function clean(chunk: unknown, matcher: SecretMatcher): unknown {
  if (typeof chunk === 'string') return stripControlCharacters(matcher.redact(chunk));
  if (chunk instanceof Uint8Array) return stripControlCharacters(matcher.redact(Buffer.from(chunk).toString('utf8')));
  return chunk;
}
