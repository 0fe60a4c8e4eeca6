import type { CacheSavings } from '../../../shared/cache-savings';
import { formatCost } from '../format/format-cost';

/** "1,500 read · saved $0.0041 · 0 written · net +$0.0041": what the cache did and what it was worth. */
export function CacheSavingsText({ savings }: { savings: CacheSavings }) {
  const net = savings.net_usd;
  if (!savings.price_known) return <>{savings.cache_read_input_tokens.toLocaleString('en-US')} read · {savings.cache_creation_input_tokens.toLocaleString('en-US')} written · price unknown</>;
  return (
    <>
      {savings.cache_read_input_tokens.toLocaleString('en-US')} read · saved <strong data-testid="cache-saved">{formatCost(savings.saved_usd)}</strong>
      {savings.cache_creation_input_tokens > 0 && ` · ${savings.cache_creation_input_tokens.toLocaleString('en-US')} written (+${formatCost(savings.write_premium_usd)})`}
      {` · net ${net < 0 ? '−' : '+'}${formatCost(Math.abs(net))}`}
    </>
  );
}
