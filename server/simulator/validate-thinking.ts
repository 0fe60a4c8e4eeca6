import { invalid } from './api-error';
import type { EffortLevel, SimulatedModel, ThinkingType } from './catalog/simulated-model';
import { isObject } from './is-object';
import type { EffectiveThinking, ThinkingParam } from './message-request';
import { effortAbove } from './validate-effort';

const THINKING_TYPES: ThinkingType[] = ['enabled', 'adaptive', 'disabled', 'between_tools'];
// preserved-thinking/fix-bound-to-a-different-conversation: block_binding needs this beta header.
export const BLOCK_BINDING_BETA = 'thinking-binding-controls-2026-08-01';

export interface ThinkingCheck {
  thinking?: ThinkingParam;
  effective: EffectiveThinking;
}

/**
 * The thinking config against the model (build-with-claude/thinking-troubleshooting and the
 * per-model "what's new" pages). `maxTokens` is undefined for count_tokens; `effort` is the effort
 * the model runs at (the request's or its default).
 */
export function validateThinking(value: unknown, model: SimulatedModel, maxTokens: number | undefined, effort: EffortLevel | undefined, betas: string[]): ThinkingCheck {
  const rules = model.thinking;
  if (value === undefined || value === null) {
    return { effective: { type: rules.default, display: rules.defaultDisplay } };
  }
  if (!isObject(value)) throw invalid('thinking', 'Input should be an object');
  const type = value.type as ThinkingType;
  if (!THINKING_TYPES.includes(type)) throw invalid('thinking.type', "Input should be 'enabled', 'adaptive', 'disabled' or 'between_tools'");
  if (!rules.types.includes(type)) throw invalid('', refusedTypeMessage(type, model));
  if (value.display !== undefined && value.display !== 'summarized' && value.display !== 'omitted') {
    throw invalid('thinking.display', "Input should be 'summarized' or 'omitted'");
  }
  if (value.block_binding !== undefined) validateBlockBinding(value.block_binding, betas);

  if (type === 'enabled') {
    const budget = value.budget_tokens;
    if (typeof budget !== 'number' || !Number.isInteger(budget)) throw invalid('thinking.enabled.budget_tokens', 'Field required (an integer)');
    if (budget < 1024) throw invalid('thinking.enabled.budget_tokens', 'Input should be greater than or equal to 1024');
    if (maxTokens !== undefined && maxTokens <= budget) {
      throw invalid('max_tokens', `max_tokens must be greater than thinking.budget_tokens (${maxTokens} <= ${budget})`);
    }
  }
  // Opus 5 / Haiku 5.5: "thinking can be disabled only at effort high or below". The wording is the
  // API's as reported by Claude Code users.
  if (type === 'disabled' && rules.disabledMaxEffort && effortAbove(effort, rules.disabledMaxEffort)) {
    throw invalid('', `output_config.effort '${effort}' is not supported when thinking is disabled on this model. Use effort '${rules.disabledMaxEffort}' or below, or enable thinking.`);
  }
  // Sonnet 5.5: "At xhigh or max effort, requests using between_tools return a 400 error."
  if (type === 'between_tools' && rules.betweenToolsMaxEffort && effortAbove(effort, rules.betweenToolsMaxEffort)) {
    throw invalid('', `output_config.effort '${effort}' is not supported with thinking type between_tools on this model. Use effort '${rules.betweenToolsMaxEffort}' or below, or use adaptive thinking.`);
  }
  const display = type === 'between_tools' ? 'summarized' : ((value.display as EffectiveThinking['display'] | undefined) ?? rules.defaultDisplay);
  return {
    thinking: value as unknown as ThinkingParam,
    effective: { type, display, ...(type === 'enabled' ? { budgetTokens: value.budget_tokens as number } : {}) },
  };
}

function refusedTypeMessage(type: ThinkingType, model: SimulatedModel): string {
  const accepts = (other: ThinkingType) => model.thinking.types.includes(other);
  // Wording quoted by the thinking-troubleshooting page for Claude 4.7 and later.
  if (type === 'enabled' && accepts('adaptive')) return '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';
  if (type === 'disabled' && accepts('between_tools')) return '"thinking.type.disabled" is not supported for this model. Use "thinking.type.between_tools" to turn off up-front thinking.';
  if (type === 'disabled') return '"thinking.type.disabled" is not supported for this model. Thinking is always on; use "output_config.effort" to control thinking behavior.';
  if (type === 'adaptive' && accepts('enabled')) return '"thinking.type.adaptive" is not supported for this model. Use "thinking.type.enabled" with "budget_tokens".';
  return `"thinking.type.${type}" is not supported for this model.`;
}

function validateBlockBinding(value: unknown, betas: string[]): void {
  if (!betas.includes(BLOCK_BINDING_BETA)) {
    throw invalid('thinking.block_binding', `thinking.block_binding requires the beta header anthropic-beta: ${BLOCK_BINDING_BETA}`);
  }
  const behavior = isObject(value) ? value.prefix_mismatch_behavior : undefined;
  if (!isObject(value) || (behavior !== undefined && behavior !== 'error' && behavior !== 'drop_block')) {
    throw invalid('thinking.block_binding.prefix_mismatch_behavior', "Input should be 'error' or 'drop_block'");
  }
}
