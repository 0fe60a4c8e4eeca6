import Anthropic from '@anthropic-ai/sdk';

export type FakeBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

export type FakeReply =
  | { content: FakeBlock[]; stop_reason?: string; stop_details?: { type: 'refusal'; category: string | null; explanation: string | null }; usage?: { input_tokens: number; output_tokens: number } }
  | { status: number; type: string; message: string; headers?: Record<string, string> }
  | { midStreamError: { type: string; message: string }; afterText?: string };

export interface FakeRequest {
  body: Record<string, unknown>;
  signal: AbortSignal | undefined;
  index: number;
}

/**
 * A real SDK client whose `fetch` is answered in-process: each request goes to `handler`, which
 * may await test-controlled promises. Replies are streamed as genuine SSE so the SDK's
 * MessageStream parses them exactly as it would the API's.
 */
export function createFakeClaude(handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>) {
  const requests: FakeRequest[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    const request: FakeRequest = { body, signal: init?.signal ?? undefined, index: requests.length };
    requests.push(request);
    const reply = await abortable(Promise.resolve(handler(request)), init?.signal ?? undefined);
    if ('status' in reply) {
      return new Response(JSON.stringify({ type: 'error', error: { type: reply.type, message: reply.message }, request_id: 'req_fake' }), {
        status: reply.status,
        headers: { 'content-type': 'application/json', 'request-id': 'req_fake', ...reply.headers },
      });
    }
    return new Response(sseBody(reply, String(body.model)), { status: 200, headers: { 'content-type': 'text/event-stream', 'request-id': 'req_fake' } });
  };
  const claude = new Anthropic({ apiKey: 'test-key', baseURL: 'http://fake.invalid', fetch, maxRetries: 2 });
  return { claude, requests };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject);
  });
}

function sseBody(reply: Exclude<FakeReply, { status: number }>, model: string): string {
  const events: [string, unknown][] = [];
  events.push(['message_start', { type: 'message_start', message: { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }]);
  if ('midStreamError' in reply) {
    if (reply.afterText !== undefined) {
      events.push(['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }]);
      events.push(['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: reply.afterText } }]);
    }
    events.push(['error', { type: 'error', error: reply.midStreamError }]);
    return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
  }
  reply.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }]);
      // Two deltas per block so coalescing is exercised.
      const half = Math.ceil(block.text.length / 2);
      for (const piece of [block.text.slice(0, half), block.text.slice(half)]) {
        if (piece) events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }]);
      }
    } else if (block.type === 'thinking') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } }]);
      events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: block.thinking } }]);
      events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } }]);
    } else if (block.type === 'redacted_thinking') {
      // Arrives whole in content_block_start, with no deltas.
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: block }]);
    } else {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }]);
      events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } }]);
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  const stop = reply.stop_reason ?? (reply.content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
  const usage = reply.usage ?? { input_tokens: 10, output_tokens: 5 };
  events.push(['message_delta', { type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null, stop_details: reply.stop_details ?? null }, usage: { output_tokens: usage.output_tokens, input_tokens: usage.input_tokens } }]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

/** A promise the test resolves when it chooses (ordering without sleeps). */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
