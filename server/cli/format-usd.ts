/** Dollars with enough digits that a fraction of a cent still shows. */
export function formatUsd(value: number | null | undefined): string {
  // null: a model the facts table does not price; printing $0 would understate what was spent.
  if (value === null || value === undefined) return 'price unknown';
  return `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
}
