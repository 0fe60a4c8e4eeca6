import { secretForms } from './secret-forms';

/** Values this short would redact ordinary words; secrets are keys and tokens, never 3 chars. */
export const MIN_SECRET_LENGTH = 4;

interface Form {
  name: string;
  /** Lower-cased (see secret-forms.ts). */
  text: string;
}

/**
 * Finds secrets in text, in every form Trellis can produce and in any letter case, and replaces
 * each with `[secret:NAME]`. All matches are found on the original text in one pass and then
 * replaced together, so a placeholder is never searched again and overlapping forms of two
 * secrets collapse into one placeholder instead of leaving a fragment of either.
 */
export class SecretMatcher {
  private readonly forms: Form[];
  /** Characters a stream must hold back so a form split across two pieces is still seen whole. */
  readonly holdBack: number;

  constructor(secrets: Readonly<Record<string, string>>) {
    const forms = new Map<string, Form>();
    for (const [name, secret] of Object.entries(secrets)) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      for (const text of secretForms(secret)) if (!forms.has(text)) forms.set(text, { name, text });
    }
    // Longest first: a secret inside another is named after the outer one.
    this.forms = [...forms.values()].sort((a, b) => b.text.length - a.text.length);
    this.holdBack = Math.max(0, ...this.forms.map((form) => form.text.length - 1));
  }

  get empty(): boolean {
    return this.forms.length === 0;
  }

  /** Whether any form of any secret occurs in `text`. */
  contains(text: string): boolean {
    if (this.forms.length === 0) return false;
    const folded = fold(text);
    return this.forms.some((form) => folded.includes(form.text));
  }

  /** The earliest match that starts before `end` but ends after it (a stream's cut would split it). */
  straddling(text: string, end: number): number | undefined {
    const folded = fold(text);
    let earliest: number | undefined;
    for (const form of this.forms) {
      let at = folded.indexOf(form.text, Math.max(0, end - form.text.length + 1));
      while (at !== -1 && at < end) {
        if (at + form.text.length > end && (earliest === undefined || at < earliest)) earliest = at;
        at = folded.indexOf(form.text, at + 1);
      }
    }
    return earliest;
  }

  redact(text: string): string {
    if (this.forms.length === 0 || text.length < MIN_SECRET_LENGTH) return text;
    const folded = fold(text);
    const ranges: { from: number; to: number; name: string }[] = [];
    for (const form of this.forms) {
      for (let at = folded.indexOf(form.text); at !== -1; at = folded.indexOf(form.text, at + 1)) ranges.push({ from: at, to: at + form.text.length, name: form.name });
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a.from - b.from || b.to - a.to);
    let out = '';
    let cursor = 0;
    for (const range of ranges) {
      if (range.to <= cursor) continue;
      // Overlaps the previous placeholder: swallow the rest of this match too.
      if (range.from < cursor) {
        cursor = range.to;
        continue;
      }
      out += `${text.slice(cursor, range.from)}[secret:${range.name}]`;
      cursor = range.to;
    }
    return out + text.slice(cursor);
  }
}

/** Lower-cases code unit by code unit, so indexes in the folded text are indexes in the original. */
function fold(text: string): string {
  // Lower-casing never shortens a character, only lengthens a few (İ → i̇): the same length means
  // every index still lines up, and the native call is an order of magnitude faster.
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}
