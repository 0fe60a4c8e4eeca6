import { createHash } from 'node:crypto';
import { ApiError, statusForErrorType } from './api-error';
import { buildMessage } from './build-message';
import { sendError, sendJson, wait, type Exchange } from './exchange';
import { generateReply } from './generate-reply';
import { messageEvents, type StreamEvent } from './message-events';
import type { MessageRequest } from './message-request';
import { promptSegments, totalTokens } from './prompt-segments';
import { requestContext } from './request-context';
import { scriptedReply } from './scripted-reply';
import type { SimulatorState } from './simulator-state';
import { statusFaultError } from './status-fault-error';
import type { Fault, LatencyModel, ScriptRule } from './types';
import { promptShape, validateMessageRequest } from './validate-message-request';

/** `POST /v1/messages`: faults and script rules first, then validation, then the reply (JSON or SSE). */
export async function handleCreateMessage(exchange: Exchange, state: SimulatorState): Promise<void> {
  const target = { path: exchange.path, body: exchange.body };
  const rule = state.script.take(target);
  const fault = state.faults.take(target) ?? rule?.respond.fault;
  if (fault?.kind === 'reset') {
    destroyOnPurpose(exchange);
    return;
  }
  if (fault?.kind === 'status') throw statusFaultError(fault);
  if (rule) throwScriptedError(rule);

  const request = validateMessageRequest(exchange.body, 'create', requestContext(exchange.req));
  exchange.log.stream = request.stream;
  const segments = promptSegments(promptShape(request));
  if (state.rateLimiter) {
    state.rateLimiter.charge(totalTokens(segments));
    Object.assign(exchange.headers, state.rateLimiter.headers());
  }
  const cache = state.cache.apply(request.model.id, request.model.min_cache_tokens, segments);
  // A rule that sets content or a stop reason (refusal, pause_turn, ...) answers instead of the generator.
  const scripted = rule?.respond.content !== undefined || rule?.respond.stop_reason !== undefined;
  const reply = rule && scripted ? scriptedReply(rule.respond, requestSeed(request), request) : generateReply(request, totalTokens(segments));
  const message = buildMessage(request.model.id, reply, cache);
  if (rule?.respond.usage) Object.assign(message.usage as object, rule.respond.usage);
  const headers = rule?.respond.headers ?? {};
  if (request.stream) await streamMessage(exchange, message, state.latency, fault, headers);
  else await sendMessage(exchange, message, state.latency, fault, headers);
}

function throwScriptedError(rule: ScriptRule): void {
  const { status, error, headers } = rule.respond;
  if (!error && (status === undefined || status < 400)) return;
  const type = error?.type ?? 'api_error';
  throw new ApiError(status ?? statusForErrorType(type), type, error?.message ?? 'Scripted error', headers);
}

function requestSeed(request: MessageRequest): string {
  return createHash('sha256').update(JSON.stringify(request.raw.messages)).digest('hex');
}

function firstTokenDelay(latency: LatencyModel, fault: Fault | undefined): number {
  return (latency.firstTokenMs ?? 0) + (fault?.kind === 'slow_first_token' ? fault.ms : 0);
}

function paceMs(tokens: number, latency: LatencyModel): number {
  return latency.tokensPerSecond ? (tokens / latency.tokensPerSecond) * 1000 : 0;
}

async function sendMessage(exchange: Exchange, message: Record<string, unknown>, latency: LatencyModel, fault: Fault | undefined, headers: Record<string, string>): Promise<void> {
  const outputTokens = (message.usage as { output_tokens: number }).output_tokens;
  await wait(firstTokenDelay(latency, fault) + paceMs(outputTokens, latency), exchange.closed);
  if (exchange.closed.aborted) return;
  // Stream-only faults still fail a non-streaming call, in the closest way JSON allows.
  if (fault?.kind === 'mid_stream_error') {
    const type = fault.errorType ?? 'overloaded_error';
    sendError(exchange, new ApiError(statusForErrorType(type), type, 'Overloaded'));
    return;
  }
  if (fault?.kind === 'truncate') {
    const text = JSON.stringify(message);
    exchange.log.status = 200;
    exchange.res.writeHead(200, { ...exchange.headers, ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    exchange.res.write(text.slice(0, Math.floor(text.length / 2)), () => destroyOnPurpose(exchange));
    return;
  }
  sendJson(exchange, 200, message, headers);
}

export function formatEvent(event: StreamEvent): string {
  return `event: ${event.event}\ndata: ${event.data}\n\n`;
}

async function streamMessage(exchange: Exchange, message: Record<string, unknown>, latency: LatencyModel, fault: Fault | undefined, headers: Record<string, string>): Promise<void> {
  const { res, closed } = exchange;
  const events = messageEvents(message);
  exchange.log.status = 200;
  res.writeHead(200, { ...exchange.headers, ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const firstDelay = firstTokenDelay(latency, fault);
  const streamFault = fault?.kind === 'mid_stream_error' || fault?.kind === 'truncate' ? fault : undefined;
  // The hot path: nothing to pace or break, so the whole stream goes out in one write.
  if (firstDelay === 0 && !latency.tokensPerSecond && !streamFault) {
    res.end(events.map(formatEvent).join(''));
    return;
  }
  let deltas = 0;
  for (const event of events) {
    if (closed.aborted) return;
    const reachedFault = streamFault && ((event.delta && deltas === streamFault.afterDeltas) || event.event === 'message_delta');
    if (reachedFault) {
      if (streamFault.kind === 'mid_stream_error') {
        const type = streamFault.errorType ?? 'overloaded_error';
        res.end(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message: type === 'overloaded_error' ? 'Overloaded' : 'Internal server error' } })}\n\n`);
      } else {
        res.write('', () => destroyOnPurpose(exchange));
      }
      return;
    }
    if (event.delta) {
      await wait(deltas === 0 ? firstDelay + paceMs(event.tokens, latency) : paceMs(event.tokens, latency), closed);
      if (closed.aborted) return;
      deltas++;
    }
    res.write(formatEvent(event));
  }
  res.end();
}

/** Ends the connection abruptly; not a client close, so the log must not say so. */
function destroyOnPurpose(exchange: Exchange): void {
  exchange.selfClosed = true;
  exchange.res.socket?.destroy();
}
