/**
 * The simulator's tokenizer: a deterministic approximation of Claude's (about four characters per
 * token). Words cost ceil(length / 4), each punctuation mark one, whitespace rides along with the
 * following piece. It is used for input counting, max_tokens truncation and output_tokens alike, so
 * the numbers always agree with each other.
 */
const PIECE = /\s*(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])|\s+$/gu;

function pieceCost(piece: string): number {
  const word = piece.trim();
  if (!word) return 0;
  return /^[\p{L}\p{N}_]/u.test(word) ? Math.ceil(word.length / 4) : 1;
}

export function countTokens(text: string): number {
  let total = 0;
  for (const match of text.matchAll(PIECE)) total += pieceCost(match[0]);
  return total;
}

/** The longest prefix of `text` costing at most `maxTokens`, and its cost. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; tokens: number } {
  let tokens = 0;
  let end = 0;
  for (const match of text.matchAll(PIECE)) {
    const cost = pieceCost(match[0]);
    if (tokens + cost > maxTokens) return { text: text.slice(0, end), tokens };
    tokens += cost;
    end = match.index + match[0].length;
  }
  return { text, tokens };
}

/** Splits text into streaming chunks of roughly `tokensPerChunk` tokens; the chunks concatenate to `text`. */
export function chunkText(text: string, tokensPerChunk = 3): string[] {
  const chunks: string[] = [];
  let current = '';
  let tokens = 0;
  for (const match of text.matchAll(PIECE)) {
    current += match[0];
    tokens += pieceCost(match[0]);
    if (tokens >= tokensPerChunk) {
      chunks.push(current);
      current = '';
      tokens = 0;
    }
  }
  const consumed = chunks.join('').length + current.length;
  current += text.slice(consumed);
  if (current) chunks.push(current);
  return chunks;
}
