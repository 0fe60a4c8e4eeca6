import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, countTokens, truncateToTokens } from '../../../server/simulator/tokenizer';

describe('tokenizer', () => {
  it('counts about four characters per word token and one per punctuation mark', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('cat')).toBe(1);
    expect(countTokens('elephant')).toBe(2);
    expect(countTokens('Hello, world!')).toBe(6);
    expect(countTokens('   ')).toBe(0);
  });

  it('truncates to a prefix that costs at most the budget', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(50), (text, budget) => {
        const cut = truncateToTokens(text, budget);
        expect(text.startsWith(cut.text)).toBe(true);
        expect(cut.tokens).toBe(countTokens(cut.text));
        expect(cut.tokens).toBeLessThanOrEqual(budget);
        if (countTokens(text) <= budget) expect(cut.text).toBe(text);
      }),
    );
  });

  it('splits text into chunks that concatenate back to it and cost the same in total', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const chunks = chunkText(text);
        expect(chunks.join('')).toBe(text);
        expect(chunks.reduce((sum, chunk) => sum + countTokens(chunk), 0)).toBe(countTokens(text));
      }),
    );
  });
});
