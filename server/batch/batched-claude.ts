import Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { createHash } from 'node:crypto';
import type { Usage } from '../../shared/usage';
import { usageOfMessage } from '../engine/usage-of-message';
import type { BatchCollector } from './batch-collector';
import { customIdFor } from './custom-id';
import { messageToSse } from './message-to-sse';

/** The SDK aborts a fetch after `timeout`; a batch may take hours, so the wait is bounded by the batch itself. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * The SDK client one node of one row uses in batch mode. Its `fetch` never reaches the network:
 * the engine's streamed `POST /v1/messages` becomes a batch request `r<row>-<node>` handed to the
 * collector, and the batch result comes back as the SSE stream (or error response) the engine
 * would have received in realtime, so node runners need no batch-specific code.
 */
export function batchedClaude(collector: BatchCollector, row: number, nodeId: string, onUsage: (model: string, usage: Usage, params: Record<string, unknown>) => void): Anthropic {
  const customId = customIdFor(row, nodeId);
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST' || !url.pathname.endsWith('/v1/messages') || typeof init?.body !== 'string') {
      return errorResponse('invalid_request_error', `batch mode only sends Messages requests, not ${init?.method ?? 'GET'} ${url.pathname}`);
    }
    const { stream: _stream, ...params } = JSON.parse(init.body) as Record<string, unknown>;
    const key = `${customId}:${createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16)}`;
    const result = await collector.request({ row, customId, key, params, signal: init.signal });
    switch (result.type) {
      case 'succeeded': {
        const message = result.message as Message;
        onUsage(message.model, usageOfMessage(message), params);
        return new Response(messageToSse(message), { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'request-id': `batch_${customId}` } });
      }
      case 'errored': {
        const error = result.error.error ?? {};
        return errorResponse(error.type ?? 'api_error', error.message ?? 'The batch request failed.');
      }
      case 'canceled':
        return errorResponse('api_error', 'The batch was canceled before this request was processed.');
      case 'expired':
        return errorResponse('api_error', 'The batch expired (24 hours) before this request was processed.');
    }
  };
  return new Anthropic({ apiKey: 'trellis-batch-local', baseURL: 'http://batch.invalid', fetch, maxRetries: 0, timeout: LONGEST_TIMER_MS });
}

function errorResponse(type: string, message: string): Response {
  // The batch already made its one attempt: the SDK must not retry; a node retry policy may.
  return new Response(JSON.stringify({ type: 'error', error: { type, message }, request_id: null }), {
    status: STATUS_BY_TYPE[type] ?? 500,
    headers: { 'content-type': 'application/json', 'x-should-retry': 'false' },
  });
}
