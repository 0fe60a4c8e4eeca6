/**
 * Bounds on the work one estimate may do. An estimate renders every prompt with upstream answers
 * replaced by filler as long as their max_tokens, so a 1.8 KB request (many nodes, each quoting
 * the one before many times) once grew to 2.5 GB. Sizes are counted before anything is built.
 */
export const ESTIMATE_LIMITS = {
  /** Characters one node's prompt may render to: about a 1M-token context window. */
  promptChars: 4_000_000,
  /** Characters of prompts and filler one whole estimate may produce. */
  totalChars: 32_000_000,
  /** Estimates in progress at once, across all clients; more answer 503 too_many_estimates. */
  concurrent: 4,
} as const;

/** The estimate would exceed a limit: refused whole, before the memory is spent. */
export class EstimateTooLargeError extends Error {
  override name = 'EstimateTooLargeError';
}

/** Characters left to the whole estimate; `spend` refuses before a string that would overrun it is made. */
export class EstimateBudget {
  private spent = 0;

  constructor(private readonly limit: number = ESTIMATE_LIMITS.totalChars) {}

  spend(chars: number, what: string): void {
    if (this.spent + chars > this.limit) {
      throw new EstimateTooLargeError(`${what} would bring this estimate to ${this.spent + chars} characters of prompts and filler; an estimate may build at most ${this.limit}.`);
    }
    this.spent += chars;
  }
}
