import { invalid } from './api-error';
import { EFFORT_LEVELS, type EffortLevel, type SimulatedModel } from './catalog/simulated-model';

/**
 * `output_config.effort` against the model (build-with-claude/effort): a model without the effort
 * parameter (Haiku 4.5, Sonnet 4.5) refuses it, and each model accepts only its own levels (xhigh
 * arrived with Opus 4.7, max with Opus 4.6). Returns the effort the model will run at.
 */
export function validateEffort(value: unknown, model: SimulatedModel): EffortLevel | undefined {
  if (value === undefined || value === null) return model.effort?.default;
  if (!EFFORT_LEVELS.includes(value as EffortLevel)) throw invalid('output_config.effort', `Input should be ${EFFORT_LEVELS.map((level) => `'${level}'`).join(', ')}`);
  // The API's wording for Haiku 4.5, as quoted in public bug reports.
  if (!model.effort) throw invalid('', 'This model does not support the effort parameter.');
  if (!model.effort.levels.includes(value as EffortLevel)) {
    throw invalid('output_config.effort', `'${String(value)}' is not supported for ${model.id}. Supported levels: ${model.effort.levels.join(', ')}`);
  }
  return value as EffortLevel;
}

/** True when `effort` is above `ceiling` ("at effort high or lower" rules). */
export function effortAbove(effort: EffortLevel | undefined, ceiling: EffortLevel): boolean {
  return effort !== undefined && EFFORT_LEVELS.indexOf(effort) > EFFORT_LEVELS.indexOf(ceiling);
}
