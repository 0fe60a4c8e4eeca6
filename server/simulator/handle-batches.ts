import { ApiError } from './api-error';
import type { BatchStore } from './batch-store';
import { sendJson, type Exchange } from './exchange';
import { paginate } from './paginate';

/** Routes under `/v1/messages/batches`; returns false when the path is not a batch route. */
export function handleBatches(exchange: Exchange, store: BatchStore): boolean {
  const method = exchange.req.method ?? 'GET';
  const match = exchange.path.match(/^\/v1\/messages\/batches(?:\/([^/]+)(?:\/(cancel|results))?)?$/);
  if (!match) return false;
  const [, id, action] = match;
  if (id === undefined) {
    if (method === 'POST') sendJson(exchange, 200, store.create(exchange.body));
    else if (method === 'GET') sendJson(exchange, 200, paginate(store.list() as { id: string }[], exchange.query));
    else return false;
    return true;
  }
  if (action === 'cancel' && method === 'POST') sendJson(exchange, 200, store.cancel(id));
  else if (action === 'results' && method === 'GET') sendJsonl(exchange, store.results(id));
  else if (action === undefined && method === 'GET') sendJson(exchange, 200, store.retrieve(id));
  else if (action === undefined && method === 'DELETE') sendJson(exchange, 200, store.delete(id));
  else return false;
  return true;
}

function sendJsonl(exchange: Exchange, body: string): void {
  if (exchange.res.headersSent) throw new ApiError(500, 'api_error', 'response already started');
  exchange.log.status = 200;
  exchange.res.writeHead(200, { ...exchange.headers, 'content-type': 'application/x-jsonl', 'content-length': Buffer.byteLength(body) });
  exchange.res.end(body);
}
