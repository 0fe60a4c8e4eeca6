import { SecretMatcher } from './secret-matcher';

/**
 * Redaction of a text that arrives in pieces (a node's streamed deltas). Redacting each piece on
 * its own misses a secret split across two of them, so the stream is redacted as a whole: each
 * cut emits everything that can no longer turn into a secret and holds back the tail that still
 * could (at most the longest form's length minus one), until more text or the stream's end.
 */
export class StreamRedactor {
  private readonly matcher: SecretMatcher;
  /** Characters a non-final cut may hold back. 0 when there is nothing to redact. */
  readonly holdBack: number;

  constructor(secrets: Readonly<Record<string, string>>) {
    this.matcher = new SecretMatcher(secrets);
    this.holdBack = this.matcher.holdBack;
  }

  /**
   * Splits the raw (unredacted) `text` into what can be emitted now, redacted, and the raw tail to
   * prepend to the stream's next piece. `final`: the stream has ended, nothing is held back.
   */
  cut(text: string, final: boolean): { ready: string; held: string } {
    if (this.matcher.empty) return { ready: text, held: '' };
    let end = final ? text.length : Math.max(0, text.length - this.holdBack);
    // A match that starts before `end` but is not wholly before it is held back whole.
    for (let at = this.matcher.straddling(text, end); at !== undefined && end > 0; at = this.matcher.straddling(text, end)) end = at;
    return { ready: this.matcher.redact(text.slice(0, end)), held: text.slice(end) };
  }
}
