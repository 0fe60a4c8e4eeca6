import { EFFORT_LEVELS, type SimulatedModel, type ThinkingType } from './catalog/simulated-model';

const supported = (value: boolean) => ({ supported: value });
const THINKING_TYPES: ThinkingType[] = ['enabled', 'adaptive', 'disabled', 'between_tools'];

/**
 * `ModelInfo` (SDK 1.13 `resources/models.d.ts`) with every capability key, from the simulator's own
 * catalogue. Server tools, code execution and context management report false because the
 * simulator accepts those blocks but never runs them.
 */
export function modelInfo(model: SimulatedModel): Record<string, unknown> {
  const thinkingTypes = Object.fromEntries(THINKING_TYPES.map((type) => [type, supported(model.thinking.types.includes(type))]));
  const effortLevels = Object.fromEntries(EFFORT_LEVELS.map((level) => [level, supported(model.effort?.levels.includes(level) ?? false)]));
  return {
    type: 'model',
    id: model.id,
    display_name: model.display_name,
    created_at: model.created_at,
    lifecycle: model.lifecycle,
    line: model.line,
    deprecated_at: model.deprecated_at,
    retires_at: model.retires_at,
    max_input_tokens: model.max_input_tokens,
    max_tokens: model.max_tokens,
    capabilities: {
      batch: supported(true),
      citations: supported(true),
      code_execution: supported(false),
      context_management: { supported: false, clear_thinking_20251015: supported(false), clear_tool_uses_20250919: supported(false), compact_20260112: supported(false) },
      effort: { supported: model.effort !== null, ...effortLevels },
      image_input: supported(model.image_input),
      pdf_input: supported(model.pdf_input),
      server_tools: { supported: false, code_execution: supported(false), web_search: supported(false) },
      structured_outputs: supported(model.structured_outputs),
      thinking: { supported: model.thinking.types.includes('enabled') || model.thinking.types.includes('adaptive'), types: thinkingTypes },
    },
  };
}
