import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { NodeError } from './node-error';

/**
 * Stop reasons that end a node as a failure whatever the node was doing: the answer is not an
 * answer. `refusal` keeps the API's `stop_details` (category, explanation); a full context window
 * says what to shorten. Neither is retried: the same request ends the same way.
 */
export function failOnStopReason(nodeId: string, message: Message): void {
  if (message.stop_reason === 'refusal') {
    const details = message.stop_details;
    const refusal = { category: details?.category ?? null, explanation: details?.explanation ?? null };
    const why = [refusal.category && `category ${refusal.category}`, refusal.explanation].filter(Boolean).join(': ');
    throw new NodeError({ type: 'refusal', message: `${nodeId}: Claude declined to answer${why ? ` (${why})` : ''}`, refusal });
  }
  if (message.stop_reason === 'model_context_window_exceeded') {
    throw new NodeError({
      type: 'context_window_exceeded',
      message: `${nodeId}: the conversation filled ${message.model}'s context window before the answer was complete; shorten the input or the continued conversation, lower max_tool_rounds, or pick a model with a larger window`,
    });
  }
}
