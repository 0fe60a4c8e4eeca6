import { addCost, costOf, type PriceTable } from '../../shared/pricing';
import { addUsage, ZERO_USAGE, type Usage } from '../../shared/usage';

/**
 * Usage and cost per row, priced both ways from the same tokens: what was paid (batch or realtime
 * price) and what the other mode would have cost.
 */
export class UsageLedger {
  private readonly rows = new Map<number, { usage: Usage; cost: number | null; compare: number | null }>();

  constructor(
    private readonly batch: boolean,
    private readonly prices?: PriceTable,
  ) {}

  add(row: number, model: string, usage: Usage, cacheTtl?: '5m' | '1h'): void {
    const entry = this.rows.get(row) ?? { usage: { ...ZERO_USAGE }, cost: 0, compare: 0 };
    const options: { table?: PriceTable; cacheTtl?: '5m' | '1h' } = {};
    if (this.prices) options.table = this.prices;
    if (cacheTtl) options.cacheTtl = cacheTtl;
    entry.usage = addUsage(entry.usage, usage);
    entry.cost = addCost(entry.cost, costOf(model, usage, { ...options, batch: this.batch }));
    entry.compare = addCost(entry.compare, costOf(model, usage, { ...options, batch: !this.batch }));
    this.rows.set(row, entry);
  }

  row(row: number): { usage: Usage; cost: number | null; compare: number | null } {
    return this.rows.get(row) ?? { usage: { ...ZERO_USAGE }, cost: 0, compare: 0 };
  }

  totals(): { usage: Usage; cost: number | null; compare: number | null } {
    let usage: Usage = { ...ZERO_USAGE };
    let cost: number | null = 0;
    let compare: number | null = 0;
    for (const entry of this.rows.values()) {
      usage = addUsage(usage, entry.usage);
      cost = addCost(cost, entry.cost);
      compare = addCost(compare, entry.compare);
    }
    return { usage, cost, compare };
  }
}
