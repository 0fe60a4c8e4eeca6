import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import { EFFORT_LEVELS, THINKING_TYPES, type ModelCapabilities } from '../../shared/claude-models/model-profile';

/**
 * One Models API entry as the capabilities the validator, engine and pickers read. Pure: what the
 * API does not report is left to the facts table (liveCatalog). A missing `capabilities` object or
 * limit means "not reported", which is read as "not supported" / 0 rather than guessed.
 */
export function modelInfoToCapabilities(info: ModelInfo): ModelCapabilities {
  const capabilities = info.capabilities;
  const thinking = capabilities?.thinking;
  const effort = capabilities?.effort;
  return {
    id: info.id,
    display_name: info.display_name,
    created_at: info.created_at,
    line: info.line,
    lifecycle: info.lifecycle,
    deprecated_at: info.deprecated_at,
    retires_at: info.retires_at,
    max_input_tokens: info.max_input_tokens ?? 0,
    max_tokens: info.max_tokens ?? 0,
    // Each type is read on its own: `disabled` can be accepted while `enabled` is not.
    thinking_types: THINKING_TYPES.filter((type) => thinking?.types[type].supported === true),
    effort_levels: effort?.supported ? EFFORT_LEVELS.filter((level) => effort[level]?.supported === true) : [],
    structured_outputs: capabilities?.structured_outputs.supported === true,
    image_input: capabilities?.image_input.supported === true,
    pdf_input: capabilities?.pdf_input.supported === true,
  };
}
