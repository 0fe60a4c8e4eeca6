import Anthropic from '@anthropic-ai/sdk';

/** The SDK client every benchmark uses, pointed at a simulator; no retries so faults stay visible. */
export function benchClaude(baseURL: string): Anthropic {
  return new Anthropic({ apiKey: 'sk-trellis-bench', baseURL, maxRetries: 0 });
}
