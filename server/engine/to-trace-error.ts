import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AnthropicError } from '@anthropic-ai/sdk';
import type { TraceError } from '../../shared/trace-events';
import { NodeError } from './node-error';

/**
 * Maps anything a runner can throw to the trace vocabulary. SDK errors keep the API's own
 * message (`error.error.message`), never the `"<status> {json}"` blob the SDK builds.
 */
export function toTraceError(error: unknown): TraceError {
  if (error instanceof NodeError) return error.traceError;
  if (error instanceof APIUserAbortError) return { type: 'aborted', message: 'The request was aborted.' };
  // Network failures are not API errors (`api_error` means Claude answered 500): say what happened.
  if (error instanceof APIConnectionTimeoutError) return { type: 'timeout', message: 'Claude did not answer before the request timed out.' };
  if (error instanceof APIConnectionError) return { type: 'connection_error', message: `Could not reach Claude: ${causeMessage(error)}` };
  if (error instanceof AnthropicError && error.message === 'terminated') {
    // undici's word for a response body cut off mid-way; the SDK passes it through unwrapped.
    return { type: 'connection_error', message: 'The connection to Claude closed before the answer was complete.' };
  }
  if (error instanceof APIError) {
    const body = error.error as { error?: { type?: string; message?: string }; type?: string; message?: string } | undefined;
    const message = error.apiMessage ?? body?.error?.message ?? body?.message ?? stripStatusPrefix(error.message);
    const traceError: TraceError = { type: error.type ?? body?.error?.type ?? (error.status ? `http_${error.status}` : 'api_error'), message };
    if (error.status !== undefined) traceError.status = error.status;
    if (error.requestID) traceError.request_id = error.requestID;
    return traceError;
  }
  if (error instanceof AnthropicError) return { type: 'api_error', message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { type: 'aborted', message: 'The request was aborted.' };
  if (error instanceof Error && error.name === 'TimeoutError') return { type: 'timeout', message: error.message };
  return { type: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function causeMessage(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function stripStatusPrefix(message: string): string {
  return message.replace(/^\d{3} /, '');
}
