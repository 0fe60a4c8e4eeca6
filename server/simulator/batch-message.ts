import { buildMessage } from './build-message';
import { generateReply } from './generate-reply';
import { promptSegments, totalTokens } from './prompt-segments';
import type { SimulatorState } from './simulator-state';
import { promptShape, validateMessageRequest } from './validate-message-request';

/** One batch request's params answered like `POST /v1/messages`, billed at the batch tier. */
export function batchMessage(params: unknown, state: SimulatorState): Record<string, unknown> {
  const request = validateMessageRequest(params, 'batch');
  const segments = promptSegments(promptShape(request));
  const cache = state.cache.apply(request.model.id, request.model.min_cache_tokens, segments);
  return buildMessage(request.model.id, generateReply(request, totalTokens(segments)), cache, 'batch');
}
