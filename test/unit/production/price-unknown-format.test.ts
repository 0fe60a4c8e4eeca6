import { describe, expect, it } from 'vitest';
import { formatCost } from '../../../client/src/format/format-cost';
import { formatUsd } from '../../../server/cli/format-usd';

describe('a cost whose price is unknown', () => {
  it('reads "price unknown" in the CLI and the canvas, never $0', () => {
    expect(formatUsd(null)).toBe('price unknown');
    expect(formatCost(null)).toBe('price unknown');
  });

  it('still prints real costs, zero included', () => {
    expect(formatUsd(0)).toBe('$0.00000');
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.0456)).toBe('$0.0456');
  });
});
