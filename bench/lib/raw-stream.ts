import type Anthropic from '@anthropic-ai/sdk';
import { BENCH_MAX_TOKENS, BENCH_MODEL, benchPrompt } from './bench-workflow';

/** The baseline: one `messages.stream` call, read to the end, exactly as a prompt node sends it. */
export async function rawStream(claude: Anthropic, index: number): Promise<void> {
  const stream = claude.messages.stream({ model: BENCH_MODEL, max_tokens: BENCH_MAX_TOKENS, messages: [{ role: 'user', content: benchPrompt(index) }] });
  for await (const event of stream) void event;
  await stream.finalMessage();
}
