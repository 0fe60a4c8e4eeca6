/** USD with enough digits to tell tiny per-node costs apart: $0.000123, $0.0456, $1.23. */
export function formatCost(usd: number | null | undefined): string {
  // null: a model the facts table does not price; showing $0 would understate what was spent.
  if (usd === null || usd === undefined) return 'price unknown';
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toPrecision(3)}`;
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}
