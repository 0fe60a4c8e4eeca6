import type { EffortLevel, ModelProfile, ThinkingType } from './model-profile';
import { EFFORT_LEVELS } from './model-profile';

/**
 * Questions about what one model accepts. Every caller (validator, engine, estimator, canvas) asks
 * here, so a rule lives in one place and is read from the profile, never from the model's name.
 */

export function acceptsThinkingType(model: ModelProfile, type: ThinkingType): boolean {
  return model.thinking_types.includes(type);
}

export function acceptsEffort(model: ModelProfile, level: EffortLevel): boolean {
  return model.effort_levels.includes(level);
}

/** `tool_choice` `any`/`tool`: refused outright on some models, and with thinking on the rest. */
export function acceptsForcedToolChoice(model: ModelProfile, thinkingOn: boolean): boolean {
  const rule = model.facts?.forced_tool_choice;
  // A model the table does not know: the documented current default is to refuse.
  if (rule === undefined || rule === 'refused') return false;
  return !thinkingOn;
}

/** The effort above which `type` is refused on this model, if any. */
export function thinkingEffortCeiling(model: ModelProfile, type: ThinkingType): EffortLevel | undefined {
  return model.facts?.thinking_effort_ceiling?.[type];
}

export function effortRank(level: EffortLevel): number {
  return EFFORT_LEVELS.indexOf(level);
}

/** Whether a request that omits `thinking` thinks (adaptively) on this model. */
export function thinksByDefault(model: ModelProfile): boolean {
  return model.facts?.thinks_by_default ?? model.thinking_types.includes('adaptive');
}

/** Thinking is on for a request with this `thinking` setting (absent = the model's default). */
export function thinkingOn(model: ModelProfile, thinking: { type: ThinkingType } | undefined): boolean {
  if (thinking === undefined) return thinksByDefault(model);
  return thinking.type === 'adaptive' || thinking.type === 'enabled';
}

/** The effort a request runs at: its own, else the model's documented default. */
export function effectiveEffort(model: ModelProfile, effort: EffortLevel | undefined): EffortLevel | undefined {
  return effort ?? model.facts?.default_effort;
}

/** Whether `type` is refused at this effort (for example `disabled` above `high`). */
export function refusedAtEffort(model: ModelProfile, type: ThinkingType, effort: EffortLevel | undefined): EffortLevel | undefined {
  const ceiling = thinkingEffortCeiling(model, type);
  if (ceiling === undefined || effort === undefined) return undefined;
  return effortRank(effort) > effortRank(ceiling) ? ceiling : undefined;
}
