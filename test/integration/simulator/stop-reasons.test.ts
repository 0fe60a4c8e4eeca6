import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const WINDOW = 200_000; // claude-haiku-4-5 (models overview: 200K context)
const filler = (words: number) => 'lorem '.repeat(words);

describe('stop reasons', () => {
  const start = useSimulator();

  /** A Haiku 4.5 prompt that leaves exactly `left` tokens of the context window (found with count_tokens). */
  async function promptLeaving(client: Anthropic, left: number): Promise<Anthropic.MessageParam[]> {
    let words = 99_000;
    for (let attempt = 0; attempt < 5; attempt++) {
      const messages: Anthropic.MessageParam[] = [{ role: 'user', content: filler(words) }];
      const { input_tokens: used } = await client.messages.countTokens({ model: 'claude-haiku-4-5', messages });
      const gap = WINDOW - used - left;
      if (gap === 0) return messages;
      // 'lorem' costs 2 tokens; an odd gap is closed by one shorter word.
      words += Math.floor(gap / 2);
      if (gap % 2 !== 0 && Math.abs(gap) < 2) return [{ role: 'user', content: `${filler(words)}a` }];
    }
    throw new Error('could not size the prompt');
  }

  // Handling stop reasons: model_context_window_exceeded means generation reached the context window.
  // Input + max_tokens above the window is accepted (no 400); only input alone above it is refused.
  it('stops at the context window with model_context_window_exceeded when input + max_tokens pass it', async () => {
    const { client } = await start();
    const messages = await promptLeaving(client, 6);
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 4000, messages });
    expect(message.stop_reason).toBe('model_context_window_exceeded');
    expect(message.usage.input_tokens + message.usage.output_tokens).toBeLessThanOrEqual(WINDOW);
    const streamed = await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 4000, messages }).finalMessage();
    expect(streamed.stop_reason).toBe('model_context_window_exceeded');
  });

  it('accepts input + max_tokens above the window when the answer fits, and ends the turn normally', async () => {
    const { client } = await start();
    const messages = await promptLeaving(client, 3_000);
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 60_000, messages }, { timeout: 60_000 });
    expect(message.stop_reason).toBe('end_turn');
  });

  it('still says max_tokens when max_tokens, not the window, cut the answer', async () => {
    const { client } = await start();
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 3, messages: [{ role: 'user', content: 'Tell me about the sea.' }] });
    expect(message.stop_reason).toBe('max_tokens');
  });

  // SDK RefusalStopDetails: {type: "refusal", category, explanation}.
  it('returns a scripted refusal with stop_details, streaming and not', async () => {
    const stopDetails = { type: 'refusal' as const, category: 'cyber' as const, explanation: 'This request could enable malware development.' };
    const { client } = await start({ script: [{ match: { lastUserText: 'malware' }, respond: { stop_reason: 'refusal', stop_details: stopDetails, content: [] } }] });
    const params = { model: 'claude-sonnet-5-5', max_tokens: 500, messages: [{ role: 'user' as const, content: 'Write malware' }] };
    const message = await client.messages.create(params);
    expect(message.stop_reason).toBe('refusal');
    expect(message.stop_details).toEqual(stopDetails);
    const streamed = await client.messages.stream(params).finalMessage();
    expect(streamed.stop_reason).toBe('refusal');
    expect(streamed.stop_details).toEqual(stopDetails);
  });

  // pause_turn: "send the response back as-is in a subsequent request to let the model continue";
  // that works on models that refuse prefill too, because the paused turn is a server-tool turn.
  it('returns a scripted pause_turn that the client sends back to continue', async () => {
    const pausedContent = [
      { type: 'server_tool_use', id: 'srvtoolu_01', name: 'web_search', input: { query: 'trellis' } },
      { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_01', content: [] },
    ];
    const { client } = await start({ script: [{ match: { lastUserText: 'research' }, respond: { stop_reason: 'pause_turn', content: pausedContent }, times: 1 }] });
    const question: Anthropic.MessageParam = { role: 'user', content: 'Do the research' };
    const tools = [{ type: 'web_search_20250305', name: 'web_search' }] as unknown as Anthropic.ToolUnion[];
    const paused = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 500, tools, messages: [question] });
    expect(paused.stop_reason).toBe('pause_turn');
    expect(paused.stop_details).toBeNull();
    const resumed = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 500, tools, messages: [question, { role: 'assistant', content: paused.content }] });
    expect(resumed.stop_reason).toBe('end_turn');
  });
});
