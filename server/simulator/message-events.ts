import { chunkText, countTokens } from './tokenizer';

/** One SSE event; `tokens` paces it under the latency model, `delta` marks content deltas (counted by faults). */
export interface StreamEvent {
  event: string;
  data: string;
  tokens: number;
  delta: boolean;
}

function event(name: string, payload: unknown, tokens = 0, delta = false): StreamEvent {
  return { event: name, data: JSON.stringify(payload), tokens, delta };
}

type Block = Record<string, unknown> & { type: string };

/**
 * The SSE event sequence for a finished message (wire §3): message_start with empty content,
 * per block start → deltas → stop (a ping after the first start; a signature_delta right before a
 * thinking block's stop; tool input split over several input_json_delta chunks), message_delta with
 * cumulative usage, message_stop.
 */
export function messageEvents(message: Record<string, unknown>): StreamEvent[] {
  const usage = message.usage as Record<string, unknown>;
  const content = message.content as Block[];
  const events: StreamEvent[] = [
    event('message_start', {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, stop_sequence: null, stop_details: null, usage: { ...usage, output_tokens: 1 } },
    }),
  ];
  content.forEach((block, index) => {
    events.push(event('content_block_start', { type: 'content_block_start', index, content_block: startOf(block) }));
    if (index === 0) events.push({ event: 'ping', data: '{"type": "ping"}', tokens: 0, delta: false });
    for (const delta of deltasOf(block)) {
      events.push(event('content_block_delta', { type: 'content_block_delta', index, delta: delta.payload }, delta.tokens, true));
    }
    events.push(event('content_block_stop', { type: 'content_block_stop', index }));
  });
  events.push(
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence, stop_details: message.stop_details ?? null },
      usage: {
        input_tokens: usage.input_tokens,
        output_tokens: usage.output_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        server_tool_use: null,
        output_tokens_details: usage.output_tokens_details ?? null,
      },
    }),
    event('message_stop', { type: 'message_stop' }),
  );
  return events;
}

function startOf(block: Block): Block {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: {}, caller: block.caller ?? { type: 'direct' } };
    default:
      // redacted_thinking and anything else arrives complete in its start event.
      return block;
  }
}

function deltasOf(block: Block): { payload: Record<string, unknown>; tokens: number }[] {
  switch (block.type) {
    case 'text':
      return chunkText(block.text as string).map((text) => ({ payload: { type: 'text_delta', text }, tokens: countTokens(text) }));
    case 'thinking': {
      const thinking = block.thinking as string;
      const chunks = thinking ? chunkText(thinking, 8) : [];
      return [
        ...chunks.map((text) => ({ payload: { type: 'thinking_delta', thinking: text }, tokens: countTokens(text) })),
        { payload: { type: 'signature_delta', signature: block.signature }, tokens: 0 },
      ];
    }
    case 'tool_use': {
      const json = JSON.stringify(block.input);
      const parts = splitJson(json);
      return ['', ...parts].map((partial_json) => ({ payload: { type: 'input_json_delta', partial_json }, tokens: countTokens(partial_json) }));
    }
    default:
      return [];
  }
}

/** Splits serialized JSON into a few chunks at arbitrary byte positions, as the real stream does. */
function splitJson(json: string): string[] {
  const size = Math.max(4, Math.ceil(json.length / 3));
  const parts: string[] = [];
  for (let at = 0; at < json.length; at += size) parts.push(json.slice(at, at + size));
  return parts;
}
