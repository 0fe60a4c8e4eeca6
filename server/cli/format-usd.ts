/** Dollars with enough digits that a fraction of a cent still shows. */
export function formatUsd(value: number): string {
  return `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
}
