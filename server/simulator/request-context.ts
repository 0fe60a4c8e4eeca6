import type { IncomingMessage } from 'node:http';
import type { RequestContext } from './message-request';

/** The headers that change validation: `anthropic-version` (already checked to be known) and `anthropic-beta`. */
export function requestContext(req: IncomingMessage): RequestContext {
  const version = req.headers['anthropic-version'];
  const beta = req.headers['anthropic-beta'];
  const betas = (Array.isArray(beta) ? beta.join(',') : (beta ?? '')).split(',').map((value) => value.trim()).filter(Boolean);
  return { apiVersion: typeof version === 'string' ? version : '', betas };
}
