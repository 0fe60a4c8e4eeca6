import { compileLinearRegex, LINEAR_REGEX_FLAGS, type LinearRegex } from '../../shared/regex/linear-regex';

export const MAX_REGEX_CHARS = 500;
/** Longer actual values are cut before matching: the engine is linear, so this bounds the cost. */
export const MAX_REGEX_SUBJECT_CHARS = 100_000;

/**
 * Builds an assertion's regex, or throws a message fit for the cases-file error. Cases files are
 * as untrusted as workflows (a CI job runs whatever a pull request brings), so assertions use the
 * same linear-time engine as branch routes.
 */
export function assertionRegex(pattern: string, flags = ''): LinearRegex {
  if (pattern.length > MAX_REGEX_CHARS) throw new Error(`regex is ${pattern.length} characters; the limit is ${MAX_REGEX_CHARS}`);
  if (![...flags].every((flag) => LINEAR_REGEX_FLAGS.includes(flag)) || new Set(flags).size !== flags.length) throw new Error(`flags "${flags}" must be distinct letters from "${LINEAR_REGEX_FLAGS}"`);
  try {
    return compileLinearRegex(pattern, flags);
  } catch (error) {
    throw new Error(`regex does not compile: ${(error as Error).message}`);
  }
}
