import type { ModelSpec, ThinkingType } from './simulator-models';
import { MODELS } from './simulator-models';

const supported = (value: boolean) => ({ supported: value });

/** `ModelInfo` (wire §7) with capabilities derived from the catalogue entry. */
export function modelInfo(spec: ModelSpec): Record<string, unknown> {
  const thinking = (type: ThinkingType) => supported(spec.thinking_types.includes(type));
  const legacy = spec.sampling_params;
  return {
    type: 'model',
    id: spec.id,
    display_name: spec.display_name,
    created_at: spec.created_at,
    lifecycle: 'active',
    line: spec.line,
    deprecated_at: null,
    retires_at: null,
    max_input_tokens: spec.max_input_tokens,
    max_tokens: spec.max_tokens,
    capabilities: {
      batch: supported(true),
      citations: supported(true),
      code_execution: supported(false),
      image_input: supported(spec.image_input),
      pdf_input: supported(true),
      structured_outputs: supported(spec.structured_outputs),
      context_management: { supported: false, clear_thinking_20251015: null, clear_tool_uses_20250919: null, compact_20260112: null },
      effort: { supported: !legacy, low: supported(!legacy), medium: supported(!legacy), high: supported(!legacy), max: supported(!legacy), xhigh: null },
      server_tools: { supported: false, code_execution: supported(false), web_search: supported(false) },
      thinking: {
        supported: spec.thinking_types.includes('enabled') || spec.thinking_types.includes('adaptive'),
        types: { enabled: thinking('enabled'), adaptive: thinking('adaptive'), disabled: thinking('disabled'), between_tools: thinking('between_tools') },
      },
    },
  };
}

/** The catalogue newest first; equal dates keep catalogue order. */
export function modelsNewestFirst(): ModelSpec[] {
  return MODELS.map((spec, index) => ({ spec, index }))
    .sort((a, b) => b.spec.created_at.localeCompare(a.spec.created_at) || a.index - b.index)
    .map(({ spec }) => spec);
}
