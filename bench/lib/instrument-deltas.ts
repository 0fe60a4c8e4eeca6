import type Anthropic from '@anthropic-ai/sdk';

export interface DeltaMark {
  /** Text so far in this call, including this delta. */
  endOffset: number;
  at: number;
}

/**
 * Wraps `claude.messages.stream` so every text delta is time-stamped at the moment the SDK hands
 * it to its reader (the engine). Each call's marks are appended to `calls`.
 */
export function instrumentDeltas(claude: Anthropic): DeltaMark[][] {
  const calls: DeltaMark[][] = [];
  const original = claude.messages.stream.bind(claude.messages);
  claude.messages.stream = ((...args: Parameters<typeof original>) => {
    const stream = original(...args);
    const marks: DeltaMark[] = [];
    calls.push(marks);
    const iterate = stream[Symbol.asyncIterator].bind(stream);
    let offset = 0;
    stream[Symbol.asyncIterator] = async function* () {
      for await (const event of { [Symbol.asyncIterator]: iterate }) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          offset += event.delta.text.length;
          marks.push({ endOffset: offset, at: performance.now() });
        }
        yield event;
      }
    } as never;
    return stream;
  }) as typeof claude.messages.stream;
  return calls;
}
