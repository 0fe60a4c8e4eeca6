/** Claude's tokens average a little under four characters of English; JSON keys and punctuation add more. */
const CHARS_PER_TOKEN = 3.5;
/** What the API counts for an image of unknown size (its resize cap). */
const IMAGE_TOKENS = 1600;

/**
 * A cheap, deliberately generous input-token estimate of a Messages request body, used to charge
 * the tokens-per-minute budget before the request goes. It never parses the whole prompt the way
 * count_tokens does: the limiter corrects itself from the API's `anthropic-ratelimit-*` headers.
 */
export function estimateRequestTokens(body: Record<string, unknown>): number {
  let chars = 0;
  let images = 0;
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      // base64 image data is priced by pixels, not characters.
      if (key !== 'data') chars += value.length;
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.type === 'image') images += 1;
    for (const [name, child] of Object.entries(record)) visit(child, name);
  };
  visit(body.system);
  visit(body.messages);
  if (body.tools !== undefined) chars += JSON.stringify(body.tools).length;
  if (body.output_config !== undefined) chars += JSON.stringify(body.output_config).length;
  return Math.ceil(chars / CHARS_PER_TOKEN) + images * IMAGE_TOKENS;
}
