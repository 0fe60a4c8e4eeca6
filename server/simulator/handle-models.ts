import { ApiError, invalid } from './api-error';
import { findSimulatedModel, simulatedModelsNewestFirst } from './catalog/find-simulated-model';
import type { Lifecycle } from './catalog/simulated-model';
import { sendJson, type Exchange } from './exchange';
import { modelInfo } from './model-info';
import { paginate } from './paginate';

const LIFECYCLES: Lifecycle[] = ['active', 'deprecated', 'retired'];
// SDK 1.13 ModelListParams: "When omitted, the list contains the active and deprecated models;
// retired models appear only when retired is requested explicitly."
const DEFAULT_LIFECYCLES: Lifecycle[] = ['active', 'deprecated'];

/** `GET /v1/models` (newest first, `lifecycle[]` filter, paginated) and `GET /v1/models/{id}` (any lifecycle). */
export function handleModels(exchange: Exchange, id: string | undefined): void {
  if (id === undefined) {
    const wanted = lifecycleFilter(exchange.query);
    const listed = simulatedModelsNewestFirst().filter((model) => wanted.includes(model.lifecycle));
    sendJson(exchange, 200, paginate(listed.map(modelInfo) as { id: string }[], exchange.query));
    return;
  }
  const model = findSimulatedModel(id);
  if (!model) throw new ApiError(404, 'not_found_error', `model: ${id}`);
  sendJson(exchange, 200, modelInfo(model));
}

function lifecycleFilter(query: URLSearchParams): Lifecycle[] {
  const given = [...query.getAll('lifecycle[]'), ...query.getAll('lifecycle')];
  if (given.length === 0) return DEFAULT_LIFECYCLES;
  if (given.length > 3) throw invalid('lifecycle', 'List should have at most 3 items');
  for (const value of given) {
    if (!LIFECYCLES.includes(value as Lifecycle)) throw invalid('lifecycle', `Input should be 'active', 'deprecated' or 'retired'`);
  }
  return given as Lifecycle[];
}
