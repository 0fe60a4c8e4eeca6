import { sendJson, type Exchange } from './exchange';
import { promptSegments, totalTokens } from './prompt-segments';
import { requestContext } from './request-context';
import { promptShape, validateMessageRequest } from './validate-message-request';

/**
 * `POST /v1/messages/count_tokens`: the same validation as create, and a count equal to create's
 * input_tokens + cache_creation_input_tokens + cache_read_input_tokens. Never touches the cache.
 */
export function handleCountTokens(exchange: Exchange): void {
  const request = validateMessageRequest(exchange.body, 'count_tokens', requestContext(exchange.req));
  sendJson(exchange, 200, { input_tokens: totalTokens(promptSegments(promptShape(request))) });
}
