import { factsCatalog, MODEL_FACTS, type ModelCatalog, type ModelFacts } from '../../../../shared/claude-models';

/**
 * The facts catalogue with one row changed: how a test puts the engine in front of a model
 * with other capabilities (e.g. no structured outputs) without testing model names.
 */
export function catalogWith(id: string, change: Partial<ModelFacts>): ModelCatalog {
  if (!MODEL_FACTS.some((row) => row.id === id)) throw new Error(`no facts row ${id}`);
  return factsCatalog(MODEL_FACTS.map((row) => (row.id === id ? { ...row, ...change } : row)));
}
