import { invalid } from './api-error';
import { isObject } from './is-object';
import type { ModelSpec } from './simulator-models';
import type { ThinkingParam, ToolChoice } from './message-request';

/** Thinking config rules (wire §8 rule 13). `maxTokens` is undefined for count_tokens. */
export function validateThinking(value: unknown, model: ModelSpec, maxTokens: number | undefined, toolChoice: ToolChoice | undefined): ThinkingParam | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalid('thinking', 'Input should be an object');
  const type = value.type;
  if (type !== 'enabled' && type !== 'adaptive' && type !== 'disabled' && type !== 'between_tools') {
    throw invalid('thinking.type', "Input should be 'enabled', 'adaptive', 'disabled' or 'between_tools'");
  }
  if (!model.thinking_types.includes(type)) throw invalid(`thinking.type.${type}`, `thinking.type.${type} is not supported for this model`);
  if (value.display !== undefined && value.display !== 'summarized' && value.display !== 'omitted') {
    throw invalid('thinking.display', "Input should be 'summarized' or 'omitted'");
  }
  if (type === 'enabled') {
    const budget = value.budget_tokens;
    if (typeof budget !== 'number' || !Number.isInteger(budget)) throw invalid('thinking.enabled.budget_tokens', 'Field required (an integer)');
    if (budget < 1024) throw invalid('thinking.enabled.budget_tokens', 'Input should be greater than or equal to 1024');
    if (maxTokens !== undefined && maxTokens <= budget) {
      throw invalid('max_tokens', `max_tokens must be greater than thinking.budget_tokens (${maxTokens} <= ${budget})`);
    }
  }
  const thinkingOn = type === 'enabled' || type === 'adaptive';
  if (thinkingOn && (toolChoice?.type === 'any' || toolChoice?.type === 'tool')) {
    throw invalid('tool_choice', 'Thinking may not be enabled when tool_choice forces tool use.');
  }
  return value as unknown as ThinkingParam;
}
