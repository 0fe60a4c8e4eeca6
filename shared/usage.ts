/**
 * Cache writes split by TTL, as the API reports them in `usage.cache_creation`. A type alias, not
 * an interface, so a spread Usage still assigns to Json (aliases get an implicit index signature).
 */
export type CacheCreationSplit = {
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
};

/** Token usage as reported per node and summed per run. Mirrors the four token counters of the Messages API. */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  /**
   * How `cache_creation_input_tokens` splits by TTL (1h writes cost more), when the API said so.
   * Absent when nothing was written or the response carried no split.
   */
  cache_creation?: CacheCreationSplit;
}

export const ZERO_USAGE: Usage = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
});

export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
  };
  if (a.cache_creation || b.cache_creation) {
    // A side without a split keeps its writes out of the split: pricing treats the rest as unknown TTL.
    sum.cache_creation = {
      ephemeral_5m_input_tokens: (a.cache_creation?.ephemeral_5m_input_tokens ?? 0) + (b.cache_creation?.ephemeral_5m_input_tokens ?? 0),
      ephemeral_1h_input_tokens: (a.cache_creation?.ephemeral_1h_input_tokens ?? 0) + (b.cache_creation?.ephemeral_1h_input_tokens ?? 0),
    };
  }
  return sum;
}
