import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { ajvLinearRegExp } from '../../../shared/regex/ajv-linear-regexp';
import { compileLinearRegex, linearRegexProblem } from '../../../shared/regex/linear-regex';

describe('linear-time regex', () => {
  it('matches anywhere unless anchored, with the JavaScript flag letters', () => {
    expect(compileLinearRegex('b').test('abc')).toBe(true);
    expect(compileLinearRegex('^b').test('abc')).toBe(false);
    expect(compileLinearRegex('HELLO', 'i').test('say hello')).toBe(true);
    expect(compileLinearRegex('^b$', 'm').test('a\nb')).toBe(true);
    expect(compileLinearRegex('a.b', 's').test('a\nb')).toBe(true);
    expect(compileLinearRegex('a.b').test('a\nb')).toBe(false);
    expect(compileLinearRegex('^\\p{L}+$', 'u').test('héllo')).toBe(true);
  });

  it('runs a catastrophic pattern on a long mismatch and gives the right answer', () => {
    expect(compileLinearRegex('^(a+)+$').test(`${'a'.repeat(20_000)}!`)).toBe(false);
    expect(compileLinearRegex('^(a|aa)+$').test('a'.repeat(20_000))).toBe(true);
  });

  it('names backreferences and lookaround, and lets escaped or bracketed look-alikes through', () => {
    expect(linearRegexProblem('(a)\\1')).toMatch(/^the backreference "\\1" cannot be matched in linear time/);
    expect(linearRegexProblem('(?<n>a)\\k<n>')).toMatch(/named backreference/);
    expect(linearRegexProblem('a(?=b)')).toMatch(/lookahead "\(\?="/);
    expect(linearRegexProblem('a(?!b)')).toMatch(/lookahead "\(\?!"/);
    expect(linearRegexProblem('(?<=a)b')).toMatch(/lookbehind "\(\?<="/);
    expect(linearRegexProblem('(?<!a)b')).toMatch(/lookbehind "\(\?<!"/);
    expect(linearRegexProblem('\\\\1')).toBeUndefined();
    expect(linearRegexProblem('[(?=]')).toBeUndefined();
    expect(linearRegexProblem('(?:a)(?<name>b)(?i)c')).toBeUndefined();
  });

  it('reports RE2 syntax errors and unknown flags', () => {
    expect(linearRegexProblem('(unclosed')).toMatch(/^invalid regular expression \(RE2 syntax\)/);
    expect(linearRegexProblem('a{1001}')).toMatch(/repeat count/);
    expect(linearRegexProblem('a', 'g')).toMatch(/flag "g" is not supported/);
  });

  it('gives ajv a distinct cache key per pattern, so two schemas never share a compiled pattern', () => {
    const ajv = new Ajv2020({ code: { regExp: ajvLinearRegExp } });
    const digits = ajv.compile({ type: 'string', pattern: '^[0-9]+$' });
    const letters = ajv.compile({ type: 'string', pattern: '^[a-z]+$' });
    expect([digits('123'), digits('abc'), letters('abc'), letters('123')]).toEqual([true, false, true, false]);
    expect(() => ajv.compile({ type: 'string', pattern: '(?=x)' })).toThrow(/lookahead/);
  });
});
