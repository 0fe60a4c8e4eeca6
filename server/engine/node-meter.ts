import { addCost, costOf, type PriceTable } from '../../shared/pricing';
import { addUsage, ZERO_USAGE, type Usage } from '../../shared/usage';

/** Accumulates one node's usage, cost and time split over all its Claude calls and tool calls. */
export class NodeMeter {
  usage: Usage = { ...ZERO_USAGE };
  /** null once a call's price is unknown. */
  costUsd: number | null = 0;
  modelMs = 0;
  toolMs = 0;
  calls = 0;

  constructor(private readonly prices: PriceTable | undefined) {}

  addCall(model: string, usage: Usage, modelMs: number, cacheTtl?: '5m' | '1h'): void {
    this.usage = addUsage(this.usage, usage);
    const options: { table?: PriceTable; cacheTtl?: '5m' | '1h' } = {};
    if (this.prices) options.table = this.prices;
    if (cacheTtl) options.cacheTtl = cacheTtl;
    this.costUsd = addCost(this.costUsd, costOf(model, usage, options));
    this.modelMs += modelMs;
    this.calls += 1;
  }

  addToolTime(ms: number): void {
    this.toolMs += ms;
  }
}
