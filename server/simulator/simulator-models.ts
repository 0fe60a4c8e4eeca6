/**
 * The simulator's own model table: what it serves at /v1/models and validates against. Moved here
 * from shared/models.ts so the engine, validator and pricing read only shared/claude-models; the
 * simulator rewrite (issue 11 item 9) replaces it with rules written from the docs.
 */

export type ThinkingType = 'enabled' | 'adaptive' | 'disabled' | 'between_tools';

export interface ModelSpec {
  id: string;
  display_name: string;
  created_at: string;
  line: 'haiku' | 'sonnet' | 'opus';
  max_input_tokens: number;
  max_tokens: number;
  thinking_types: ThinkingType[];
  /** output_config.format (JSON schema output); otherwise Trellis forces a tool. */
  structured_outputs: boolean;
  image_input: boolean;
  /** Whether a final assistant turn (prefill) is accepted. */
  prefill: boolean;
  /** Legacy models still accept temperature/top_p/top_k. */
  sampling_params: boolean;
  /** Smallest prefix that is cached, in tokens. */
  min_cache_tokens: number;
  /** USD per million tokens. Cache writes cost 1.25× (5m) or 2× (1h) input; reads 0.1×; batches half. */
  price: { input: number; output: number };
}

const ALL_THINKING: ThinkingType[] = ['enabled', 'adaptive', 'disabled', 'between_tools'];

export const MODELS: readonly ModelSpec[] = [
  { id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', created_at: '2026-10-14T00:00:00Z', line: 'opus', max_input_tokens: 1_000_000, max_tokens: 128_000, thinking_types: ['adaptive', 'disabled', 'between_tools'], structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024, price: { input: 5, output: 25 } },
  { id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-09-30T00:00:00Z', line: 'sonnet', max_input_tokens: 1_000_000, max_tokens: 64_000, thinking_types: ALL_THINKING, structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024, price: { input: 3, output: 15 } },
  { id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5', created_at: '2026-09-30T00:00:00Z', line: 'haiku', max_input_tokens: 200_000, max_tokens: 64_000, thinking_types: ALL_THINKING, structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 2048, price: { input: 1, output: 5 } },
  { id: 'claude-opus-4-8', display_name: 'Claude Opus 4.8', created_at: '2026-06-10T00:00:00Z', line: 'opus', max_input_tokens: 200_000, max_tokens: 128_000, thinking_types: ALL_THINKING, structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024, price: { input: 5, output: 25 } },
  { id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6', created_at: '2026-02-05T00:00:00Z', line: 'opus', max_input_tokens: 200_000, max_tokens: 128_000, thinking_types: ALL_THINKING, structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024, price: { input: 5, output: 25 } },
  { id: 'claude-sonnet-4-6', display_name: 'Claude Sonnet 4.6', created_at: '2026-02-17T00:00:00Z', line: 'sonnet', max_input_tokens: 200_000, max_tokens: 64_000, thinking_types: ALL_THINKING, structured_outputs: true, image_input: true, prefill: false, sampling_params: false, min_cache_tokens: 1024, price: { input: 3, output: 15 } },
  { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-15T00:00:00Z', line: 'haiku', max_input_tokens: 200_000, max_tokens: 64_000, thinking_types: ['enabled', 'disabled'], structured_outputs: false, image_input: true, prefill: true, sampling_params: true, min_cache_tokens: 2048, price: { input: 1, output: 5 } },
  { id: 'claude-haiku-4-5-20251001', display_name: 'Claude Haiku 4.5', created_at: '2025-10-01T00:00:00Z', line: 'haiku', max_input_tokens: 200_000, max_tokens: 64_000, thinking_types: ['enabled', 'disabled'], structured_outputs: false, image_input: true, prefill: true, sampling_params: true, min_cache_tokens: 2048, price: { input: 1, output: 5 } },
];

export const DEFAULT_MODEL = 'claude-sonnet-4-6';
export const DEFAULT_MAX_TOKENS = 1024;

const byId = new Map(MODELS.map((m) => [m.id, m]));

export function findModel(id: string): ModelSpec | undefined {
  return byId.get(id);
}
