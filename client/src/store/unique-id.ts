/**
 * The first `<base>_<n>` (n ≥ 1) not in `taken`. `base` is reduced to the node-id alphabet
 * (`^[a-z][a-z0-9_]{0,63}$`) so the result is always a valid workflow id.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '').slice(0, 56) || 'node';
  for (let n = 1; ; n += 1) {
    const candidate = `${clean}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
