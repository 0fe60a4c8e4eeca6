import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../server/engine/redact-secrets';
import { SecretMatcher } from '../../../server/engine/secret-matcher';
import { StreamRedactor } from '../../../server/engine/stream-redactor';

const SECRET = 'tok/Ab+9"Zq=Xy';
const matcher = new SecretMatcher({ T: SECRET });

describe('SecretMatcher', () => {
  it('redacts the value plain, re-cased, percent-encoded, JSON-escaped (nested) and in base64 at every offset', () => {
    const spellings = [
      SECRET,
      SECRET.toUpperCase(),
      encodeURIComponent(SECRET),
      new URLSearchParams({ k: SECRET }).toString(),
      JSON.stringify(SECRET),
      JSON.stringify(JSON.stringify(SECRET)),
      Buffer.from(SECRET).toString('base64'),
      Buffer.from(`a${SECRET}b`).toString('base64'),
      Buffer.from(`ab${SECRET}`).toString('base64url'),
    ];
    for (const spelling of spellings) {
      const out = matcher.redact(`before ${spelling} after`);
      expect(out, spelling).toContain('[secret:T]');
      expect(out, spelling).not.toContain('Ab+9');
      expect(out, spelling).not.toContain('Zq=Xy');
    }
  });

  it('redacts keys as well as values, and leaves text without a secret alone', () => {
    expect(redactSecrets({ [SECRET]: { nested: [`x${SECRET}`] }, plain: 'hello' }, { T: SECRET })).toEqual({ '[secret:T]': { nested: ['x[secret:T]'] }, plain: 'hello' });
  });

  it('names overlapping secrets once, after the longer, and never searches inside a placeholder', () => {
    const two = new SecretMatcher({ LONG: 'abcdefgh-1234', SHORT: 'efgh-1234', SECRETWORD: 'secret' });
    expect(two.redact('x abcdefgh-1234 y')).toBe('x [secret:LONG] y');
    expect(two.redact('secret')).toBe('[secret:SECRETWORD]');
  });

  it('keeps positions right when lower-casing lengthens a character (İ)', () => {
    expect(new SecretMatcher({ K: 'abcd-1234' }).redact('İstanbul ABCD-1234 İ.')).toBe('İstanbul [secret:K] İ.');
  });

  it('catches a secret split across stream pieces, in an encoded form too', () => {
    for (const spelling of [SECRET, encodeURIComponent(SECRET)]) {
      const redactor = new StreamRedactor({ T: SECRET });
      let held = '';
      let out = '';
      for (const piece of `say ${spelling} now`.match(/.{1,3}/g) ?? []) {
        const cut = redactor.cut(held + piece, false);
        out += cut.ready;
        held = cut.held;
      }
      out += redactor.cut(held, true).ready;
      expect(out).toBe('say [secret:T] now');
    }
  });
});
