import { invalid } from './api-error';
import type { SimulatedModel } from './catalog/simulated-model';
import type { EffectiveThinking, ToolChoice } from './message-request';

/**
 * Forced tool use: refused outright on Opus 5.5, Sonnet 5.5 and Fable 5.1 ("Forced tool use returns
 * an error"), and on every model together with thinking (extended-thinking docs: only `auto` and
 * `none` work with thinking), including the adaptive thinking a model runs by default.
 */
export function validateForcedToolChoice(toolChoice: ToolChoice | undefined, model: SimulatedModel, thinking: EffectiveThinking): void {
  if (toolChoice?.type !== 'any' && toolChoice?.type !== 'tool') return;
  // The API's wording, as quoted in public bug reports against claude-opus-5-5.
  if (!model.forcedToolChoice) throw invalid('tool_choice', 'type "tool" and "any" are not supported for this model.');
  if (thinking.type === 'enabled' || thinking.type === 'adaptive') {
    throw invalid('tool_choice', 'Thinking may not be enabled when tool_choice forces tool use.');
  }
}
