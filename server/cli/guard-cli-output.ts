import type { SecretMatcher } from '../engine/secret-matcher';
import { SecretsPolicy, trellisCredentialValues } from '../environment';
import { stripControlCharacters } from '../../shared/strip-control-characters';

/**
 * The one place every byte the CLI prints passes through: stdout and stderr are wrapped once, at
 * start-up, before any command loads, so trace lines, `--json` events, outputs, tables and error
 * messages of every command are redacted (the API key and every granted secret, in every form the
 * matcher knows) and stripped of terminal control sequences, whoever wrote them. Trellis's own
 * colours and progress bar go through `writeOwnControl`, their text stripped where it is read.
 * Every write is a whole line or more, so a chunk never splits a secret.
 */
export function guardCliOutput(env: Record<string, string | undefined> = process.env): void {
  const matcher = cliRedactor(env);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    unguarded.set(stream, (text) => write(matcher.redact(text)));
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(clean(chunk, matcher), ...rest)) as typeof stream.write;
  }
}

const unguarded = new WeakMap<NodeJS.WritableStream, (text: string) => boolean>();

/**
 * Writes Trellis's own terminal control (the trace's colours, the batch progress bar's carriage
 * return and line erase) past the control-character filter, still redacted. Every piece of the
 * text that came from a workflow, a model or a tool must already be stripped
 * (stripControlCharacters) by the caller.
 */
export function writeOwnControl(stream: NodeJS.WritableStream, text: string): void {
  const write = unguarded.get(stream);
  if (write) write(text);
  else stream.write(text);
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
