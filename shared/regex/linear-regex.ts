import { RE2JS } from 're2js';

/**
 * Every pattern a workflow, a test file or a user schema brings runs here, never in `RegExp`.
 * V8's backtracking engine can take exponential time (`^(a+)+$` on 31 characters blocked the
 * event loop for 45 s); RE2 matches in time linear in the input, whatever the pattern. The price
 * is RE2's syntax: no backreferences and no lookaround (docs/security.md, "Regular expressions").
 * re2js is plain JavaScript, so the browser's validator uses the very same check.
 */
export interface LinearRegex {
  test(text: string): boolean;
  toString(): string;
}

/** JavaScript flag letters RE2 understands; `u` is accepted and changes nothing (RE2 reads code points). */
export const LINEAR_REGEX_FLAGS = 'imsu';

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** Thrown with a message that says what is wrong and, for syntax RE2 lacks, that it is refused on purpose. */
export class RegexSyntaxError extends Error {
  override name = 'RegexSyntaxError';
}

export function compileLinearRegex(source: string, flags = ''): LinearRegex {
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAG_BITS[flag];
    if (bit === undefined) throw new RegexSyntaxError(`flag "${flag}" is not supported (use any of "${LINEAR_REGEX_FLAGS}")`);
    bits |= bit;
  }
  const unsupported = unsupportedFeature(source);
  if (unsupported) throw new RegexSyntaxError(`${unsupported} cannot be matched in linear time, so Trellis does not accept it (patterns use RE2 syntax)`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, bits);
  } catch (error) {
    throw new RegexSyntaxError(`invalid regular expression (RE2 syntax): ${(error as Error).message}`);
  }
  // toString is the cache key ajv files a compiled pattern under, so it must differ per pattern.
  return { test: (text) => compiled.test(text), toString: () => `/${source}/${flags}` };
}

/** Why the pattern cannot be used, or undefined when it can; what the validators report. */
export function linearRegexProblem(source: string, flags = ''): string | undefined {
  try {
    compileLinearRegex(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * RE2 rejects these too, but with a parser message (`invalid escape sequence: \1`) that does not
 * tell an author the feature is missing by design. Escaped backslashes are skipped so `\\1` (a
 * literal backslash then 1) is not mistaken for a backreference. A pattern this scan misreads
 * still reaches RE2, which refuses anything it cannot run: the scan only words the message.
 */
function unsupportedFeature(source: string): string | undefined {
  // Inside a class `(?=` is three literal characters, so classes are tracked.
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next)) return `the backreference "\\${next}"`;
      if (next === 'k' && source[i + 2] === '<') return 'the named backreference "\\k<…>"';
      i++;
      continue;
    }
    if (!inClass && char === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) return `the lookahead "(?${rest[0]}"`;
      if (rest === '<=' || rest === '<!') return `the lookbehind "(?${rest}"`;
    }
  }
  return undefined;
}
