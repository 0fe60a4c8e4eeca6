import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

// build-with-claude/prompt-caching: the minimum cacheable prompt is per model; a shorter prefix is
// silently not cached. 4096 on Opus 4.6 and Haiku 4.5, 2048 on Opus 4.7, 1024 on Sonnet 4.6 and
// Opus 4.8, 512 on Opus 5 and the 5.5 models.
const MINIMUMS: [string, number][] = [
  ['claude-haiku-4-5', 4096],
  ['claude-opus-4-6', 4096],
  ['claude-opus-4-7', 2048],
  ['claude-sonnet-4-6', 1024],
  ['claude-opus-4-8', 1024],
  ['claude-opus-5', 512],
  ['claude-sonnet-5-5', 512],
  ['claude-haiku-5-5', 512],
  ['claude-opus-5-5', 512],
];

describe('minimum cacheable prompt per model', () => {
  const start = useSimulator();

  /** A request whose cached system prefix is `tokens` long, give or take the scaffolding. */
  async function cachedPrefix(client: Anthropic, model: string, tokens: number): Promise<number> {
    const system = 'word '.repeat(tokens - 2); // 'word' is one token
    const message = await client.messages.create({ model, max_tokens: 50, system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Hi' }] });
    return message.usage.cache_creation_input_tokens ?? 0;
  }

  it.each(MINIMUMS)('%s caches a prefix of %i tokens and not one just below', async (model, minimum) => {
    const { client } = await start();
    expect(await cachedPrefix(client, model, minimum - 20)).toBe(0);
    expect(await cachedPrefix(client, model, minimum + 20)).toBeGreaterThanOrEqual(minimum);
  });
});
