import { APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Message, MessageStreamParams } from '@anthropic-ai/sdk/resources/messages/messages';
import type { NodeContext } from './node-runner';
import { NodeError } from './node-error';
import { toTraceError } from './to-trace-error';
import { usageOfMessage } from './usage-of-message';

export interface CallOptions {
  /** Per-call timeout (node config `timeout_ms`). */
  timeoutMs?: number;
}

/**
 * One streamed Messages call. Deltas go to the trace as they arrive; usage and time go to the
 * node meter. A mid-stream `error` event before any delta is retried once: nothing has been shown
 * yet, and the SDK never retries those itself (it does retry 429/5xx responses).
 */
export async function callClaude(ctx: NodeContext, params: MessageStreamParams, options: CallOptions = {}): Promise<Message> {
  try {
    return await streamOnce(ctx, params, options);
  } catch (error) {
    if (!(error instanceof MidStreamError) || error.sawDelta) throw unwrap(error, ctx, options);
  }
  try {
    return await streamOnce(ctx, params, options);
  } catch (error) {
    throw unwrap(error, ctx, options);
  }
}

class MidStreamError extends Error {
  constructor(
    readonly original: unknown,
    readonly sawDelta: boolean,
  ) {
    super('mid-stream error');
  }
}

async function streamOnce(ctx: NodeContext, params: MessageStreamParams, options: CallOptions): Promise<Message> {
  const signals = [ctx.signal];
  if (options.timeoutMs !== undefined) signals.push(AbortSignal.timeout(options.timeoutMs));
  const signal = AbortSignal.any(signals);
  const startedAt = ctx.deps.now();
  const nodeId = ctx.node.id;
  const toolUseIds = new Map<number, string>();
  let sawDelta = false;
  let blockIndex = -1;
  // The one place the engine sends a Messages request; batch mode routes it per node.
  const claude = ctx.deps.claudeFor?.(nodeId) ?? ctx.deps.claude;
  const stream = claude.messages.stream(params, { signal });
  try {
    for await (const event of stream) {
      if (event.type === 'content_block_start') {
        blockIndex += 1;
        if (event.content_block.type === 'tool_use') toolUseIds.set(blockIndex, event.content_block.id);
      } else if (event.type === 'content_block_delta') {
        const delta = event.delta;
        if (delta.type === 'text_delta') ctx.emitter.delta(nodeId, 'text', delta.text);
        else if (delta.type === 'thinking_delta') ctx.emitter.delta(nodeId, 'thinking', delta.thinking);
        else if (delta.type === 'input_json_delta') ctx.emitter.delta(nodeId, 'tool_input', delta.partial_json, toolUseIds.get(event.index));
        else continue;
        sawDelta = true;
      }
    }
    const message = await stream.finalMessage();
    ctx.meter.addCall(message.model ?? params.model, usageOfMessage(message), ctx.deps.now() - startedAt, unsplitCacheTtl(params));
    return message;
  } catch (error) {
    ctx.meter.modelMs += ctx.deps.now() - startedAt;
    if (error instanceof APIError && error.status === undefined && !(error instanceof APIUserAbortError) && !signal.aborted) {
      throw new MidStreamError(error, sawDelta);
    }
    if (signal.aborted && !ctx.signal.aborted) {
      throw new NodeError({ type: 'timeout', message: `Claude did not answer within ${options.timeoutMs} ms (node timeout_ms).` }, { retryable: true, cause: error });
    }
    throw error;
  }
}

function unwrap(error: unknown, ctx: NodeContext, _options: CallOptions): unknown {
  const original = error instanceof MidStreamError ? error.original : error;
  if (original instanceof NodeError) return original;
  if (ctx.signal.aborted) return new NodeError({ type: 'aborted', message: 'The run was canceled.' }, { cause: original });
  const traceError = toTraceError(original);
  // Retrying a 4xx other than 408/409/429 gives the same answer; anything else may succeed.
  const status = traceError.status;
  const retryable = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
  return new NodeError(traceError, { retryable, cause: original });
}

/**
 * The TTL cache writes are priced at when the response does not split them by TTL: 1h when every
 * breakpoint of the request is 1h, else 5m (how a mixed request's writes split is unknown then).
 */
function unsplitCacheTtl(params: MessageStreamParams): '5m' | '1h' {
  const ttls = JSON.stringify([params.tools, params.system, params.messages]).match(/"cache_control":\{[^}]*\}/g) ?? [];
  return ttls.length > 0 && ttls.every((control) => control.includes('"ttl":"1h"')) ? '1h' : '5m';
}
