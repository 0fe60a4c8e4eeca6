import type { ContentBlock, Message } from '@anthropic-ai/sdk/resources/messages/messages';

/**
 * A finished Message as the SSE stream the API would have sent for it, so the engine's streamed
 * call (`messages.stream`) can consume a batch result through the SDK's own MessageStream.
 */
export function messageToSse(message: Message): string {
  const events: [string, unknown][] = [];
  events.push(['message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, stop_sequence: null } }]);
  message.content.forEach((block, index) => {
    for (const [name, data] of blockEvents(block, index)) events.push([name, data]);
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  events.push(['message_delta', { type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence ?? null }, usage: message.usage }]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

function blockEvents(block: ContentBlock, index: number): [string, unknown][] {
  const start = (content_block: unknown): [string, unknown] => ['content_block_start', { type: 'content_block_start', index, content_block }];
  const delta = (value: unknown): [string, unknown] => ['content_block_delta', { type: 'content_block_delta', index, delta: value }];
  switch (block.type) {
    case 'text': {
      const { text, ...rest } = block;
      return [start({ ...rest, text: '' }), delta({ type: 'text_delta', text })];
    }
    case 'thinking':
      return [start({ type: 'thinking', thinking: '', signature: '' }), delta({ type: 'thinking_delta', thinking: block.thinking }), delta({ type: 'signature_delta', signature: block.signature })];
    case 'tool_use':
      return [start({ ...block, input: {} }), delta({ type: 'input_json_delta', partial_json: JSON.stringify(block.input) })];
    default:
      // redacted_thinking and server-tool blocks arrive whole in content_block_start.
      return [start(block)];
  }
}
