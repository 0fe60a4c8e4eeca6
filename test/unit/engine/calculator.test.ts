import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from '../../../server/engine/tools/evaluate-arithmetic';

describe('evaluateArithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2^2', -4],
    ['2^3^2', 512],
    ['2^-1', 0.5],
    ['10 % 4', 2],
    ['7 / 2', 3.5],
    ['--3', 3],
    ['.5 + 1.25', 1.75],
    ['1e3 / 4', 250],
    [' ( ( 4 ) ) ', 4],
  ])('%s = %s', (source, expected) => {
    expect(evaluateArithmetic(source)).toBe(expected);
  });

  it.each([
    ['1 / 0', 'division by zero'],
    ['2 +', 'unexpected end'],
    ['(1 + 2', 'missing ")"'],
    ['1 + x', 'unexpected "x" at position 5'],
    ['process.exit()', 'unexpected "p"'],
    ['1 2', 'unexpected "2"'],
    ['10^400', 'not a finite number'],
  ])('rejects %s with a clear message', (source, message) => {
    expect(() => evaluateArithmetic(source)).toThrow(message);
  });

  it('refuses pathological nesting instead of overflowing the stack', () => {
    expect(() => evaluateArithmetic('('.repeat(200) + '1' + ')'.repeat(200))).toThrow('nested too deeply');
  });
});
