import type { SimulatedModel } from './simulated-model';
import { SIMULATED_MODELS } from './simulated-models';

const byId = new Map(SIMULATED_MODELS.map((model) => [model.id, model]));

export function findSimulatedModel(id: string): SimulatedModel | undefined {
  return byId.get(id);
}

/** The catalogue newest first (the order of `GET /v1/models`); equal dates keep catalogue order. */
export function simulatedModelsNewestFirst(): SimulatedModel[] {
  return SIMULATED_MODELS.map((model, index) => ({ model, index }))
    .sort((a, b) => b.model.created_at.localeCompare(a.model.created_at) || a.index - b.index)
    .map(({ model }) => model);
}
