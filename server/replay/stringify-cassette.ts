import type { Cassette, CassetteExchange } from './cassette';
import { sortKeysDeep } from './canonical-json';

/**
 * Stable text: fixed key order for the envelope and each exchange, sorted keys inside bodies and
 * header maps, 2-space indent and a trailing newline, so re-recording an unchanged run gives a
 * clean diff.
 */
export function stringifyCassette(cassette: Cassette): string {
  const ordered = {
    format: cassette.format,
    version: cassette.version,
    exchanges: cassette.exchanges.map(orderExchange),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderExchange({ request, response }: CassetteExchange): CassetteExchange {
  const orderedRequest: CassetteExchange['request'] = { method: request.method, path: request.path, headers: sortKeysDeep(request.headers) as Record<string, string> };
  if (request.body !== undefined) orderedRequest.body = sortKeysDeep(request.body);
  return {
    request: orderedRequest,
    response: { status: response.status, headers: sortKeysDeep(response.headers) as Record<string, string>, body: response.body },
  };
}
