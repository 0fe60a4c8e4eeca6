import { findModel } from './simulator-models';
import { ApiError } from './api-error';
import { sendJson, type Exchange } from './exchange';
import { modelInfo, modelsNewestFirst } from './model-info';
import { paginate } from './paginate';

/** `GET /v1/models` (paginated, newest first) and `GET /v1/models/{id}`, from simulator-models.ts. */
export function handleModels(exchange: Exchange, id: string | undefined): void {
  if (id === undefined) {
    sendJson(exchange, 200, paginate(modelsNewestFirst().map(modelInfo) as { id: string }[], exchange.query));
    return;
  }
  const spec = findModel(id);
  if (!spec) throw new ApiError(404, 'not_found_error', `model: ${id}`);
  sendJson(exchange, 200, modelInfo(spec));
}
