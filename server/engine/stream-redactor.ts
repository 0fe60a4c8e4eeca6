import { MIN_SECRET_LENGTH, redactText } from './redact-secrets';

/**
 * Redaction of a text that arrives in pieces (a node's streamed deltas). Redacting each piece on
 * its own misses a secret split across two of them, so the stream is redacted as a whole: each
 * cut emits everything that can no longer turn into a secret and holds back the tail that still
 * could (at most the longest secret's length minus one), until more text or the stream's end.
 */
export class StreamRedactor {
  private readonly entries: [string, string][];
  /** Characters a non-final cut may hold back. 0 when there is nothing to redact. */
  readonly holdBack: number;

  constructor(secrets: Record<string, string>) {
    this.entries = Object.entries(secrets).filter(([, secret]) => secret.length >= MIN_SECRET_LENGTH);
    this.holdBack = Math.max(0, ...this.entries.map(([, secret]) => secret.length - 1));
  }

  /**
   * Splits the raw (unredacted) `text` into what can be emitted now, redacted, and the raw tail to
   * prepend to the stream's next piece. `final`: the stream has ended, nothing is held back.
   */
  cut(text: string, final: boolean): { ready: string; held: string } {
    if (this.entries.length === 0) return { ready: text, held: '' };
    let end = final ? text.length : Math.max(0, text.length - this.holdBack);
    // A secret that starts before `end` but is not wholly before it is held back whole.
    for (let moved = true; moved && end > 0; ) {
      moved = false;
      for (const [, secret] of this.entries) {
        const from = Math.max(0, end - secret.length + 1);
        const at = text.indexOf(secret, from);
        if (at !== -1 && at < end && at + secret.length > end) {
          end = at;
          moved = true;
        }
      }
    }
    return { ready: redactText(text.slice(0, end), this.entries), held: text.slice(end) };
  }
}
