export const MAX_REGEX_CHARS = 500;
/** Longer actual values are cut before matching, which bounds the cost of any pattern. */
export const MAX_REGEX_SUBJECT_CHARS = 100_000;

/** Builds an assertion's regex, or throws a message fit for the cases-file error. */
export function assertionRegex(pattern: string, flags = ''): RegExp {
  if (pattern.length > MAX_REGEX_CHARS) throw new Error(`regex is ${pattern.length} characters; the limit is ${MAX_REGEX_CHARS}`);
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) throw new Error(`flags "${flags}" must be distinct letters from "imsu"`);
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new Error(`regex does not compile: ${(error as Error).message}`);
  }
}
