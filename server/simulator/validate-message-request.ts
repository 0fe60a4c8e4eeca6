import { ApiError, invalid } from './api-error';
import { findSimulatedModel } from './catalog/find-simulated-model';
import type { SimulatedModel } from './catalog/simulated-model';
import { checkThinkingBlocks } from './check-thinking-blocks';
import { isObject } from './is-object';
import type { CacheControl, LocatedBlock, MessageRequest, RequestContext } from './message-request';
import { promptSegments, totalTokens } from './prompt-segments';
import { readCacheControl, validateBreakpoints, type Breakpoint } from './validate-cache-control';
import { validateImageSet } from './validate-image';
import { validateMessages } from './validate-messages';
import { validateTextValue } from './validate-text';
import { validateEffort } from './validate-effort';
import { validateOutputSchema } from './validate-output-schema';
import { validateForcedToolChoice } from './validate-forced-tool-choice';
import { validateThinking } from './validate-thinking';
import { validateToolChoice, validateTools } from './validate-tools';
import { validateTurns } from './validate-turns';

export type RequestKind = 'create' | 'count_tokens' | 'batch';

const COMMON_FIELDS = ['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'cache_control', 'output_config', 'speed'];
const CREATE_ONLY_FIELDS = ['max_tokens', 'stream', 'metadata', 'stop_sequences', 'service_tier', 'container', 'diagnostics', 'inference_geo'];
const SAMPLING_FIELDS = ['temperature', 'top_p', 'top_k'];
// api/versioning: anthropic-version 2026-10-21 removed temperature, top_p and top_k on every model.
const SAMPLING_REMOVED_IN = '2026-10-21';
const DEFAULT_CONTEXT: RequestContext = { apiVersion: SAMPLING_REMOVED_IN, betas: [] };

/**
 * Validates a Messages API body the way the real API does (wire §8, docs/simulator.md "Models and
 * their rules") and returns it normalised. Error messages start with the path of the offending
 * field, except where the API's own wording is known and has none.
 */
export function validateMessageRequest(body: unknown, kind: RequestKind, context: RequestContext = DEFAULT_CONTEXT): MessageRequest {
  if (!isObject(body)) throw invalid('', 'the request body must be a JSON object');
  if (body.model === undefined) throw invalid('model', 'Field required');
  if (typeof body.model !== 'string') throw invalid('model', 'Input should be a valid string');
  const model = usableModel(body.model);

  const sampling = model.sampling_params && kind !== 'count_tokens' && context.apiVersion !== SAMPLING_REMOVED_IN;
  const allowed = new Set([...COMMON_FIELDS, ...(kind === 'count_tokens' ? [] : CREATE_ONLY_FIELDS), ...(sampling ? SAMPLING_FIELDS : [])]);
  for (const field of Object.keys(body)) {
    if (!allowed.has(field)) throw invalid(field, 'Extra inputs are not permitted');
  }

  const maxTokens = kind === 'count_tokens' ? undefined : validateMaxTokens(body.max_tokens, model.max_tokens, model.id);
  validateSampling(body);
  const stream = validateStream(body.stream, kind);
  const stopSequences = validateStopSequences(body.stop_sequences);
  validateEnum(body.service_tier, 'service_tier', ['auto', 'standard_only']);
  validateEnum(body.speed, 'speed', ['standard', 'fast']);
  if (body.metadata !== undefined && !(isObject(body.metadata) && (body.metadata.user_id === undefined || body.metadata.user_id === null || typeof body.metadata.user_id === 'string'))) {
    throw invalid('metadata', 'Input should be an object with an optional string `user_id`');
  }

  const breakpoints: Breakpoint[] = [];
  const tools = validateTools(body.tools, breakpoints);
  const toolChoice = validateToolChoice(body.tool_choice, tools);
  const effort = validateEffort(isObject(body.output_config) ? body.output_config.effort : undefined, model);
  const { thinking, effective } = validateThinking(body.thinking, model, maxTokens, effort, context.betas);
  validateForcedToolChoice(toolChoice, model, effective);
  const jsonSchema = validateOutputConfig(body.output_config, model.structured_outputs);
  const system = validateSystem(body.system, breakpoints);
  const messages = validateMessages(body.messages, breakpoints);
  const { images } = messages;
  const cacheControl = readCacheControl(body.cache_control, 'cache_control');
  if (cacheControl) breakpoints.push({ path: 'cache_control', control: cacheControl });
  validateBreakpoints(breakpoints);

  if (images.length > 0 && !model.image_input) throw invalid(images[0]?.path ?? 'messages', `${model.id} does not support image input`);
  validateImageSet(images, model.max_input_tokens > 200_000 ? 600 : 100);
  const { turns, prefix } = checkThinkingBlocks(messages.turns, system, tools, model, thinking);
  validateTurns(turns, model, effective.type === 'enabled' || effective.type === 'adaptive');

  const request: MessageRequest = {
    model,
    maxTokens: maxTokens ?? 0,
    system,
    turns,
    tools,
    toolChoice,
    thinking,
    effectiveThinking: effective,
    effort,
    prefix,
    stopSequences,
    stream,
    jsonSchema,
    cacheControl,
    raw: body,
  };
  const promptTokens = totalTokens(promptSegments(promptShape(request)));
  if (promptTokens > model.max_input_tokens) {
    throw invalid('messages', `prompt is too long: ${promptTokens} tokens > ${model.max_input_tokens} maximum`);
  }
  return request;
}

/**
 * The model, if requests may name it. Retired models stay in the catalogue (GET /v1/models lists
 * them on request, as the SDK documents) but "Requests to retired models will fail"
 * (about-claude/model-deprecations).
 */
function usableModel(id: string): SimulatedModel {
  const model = findSimulatedModel(id);
  if (!model) throw new ApiError(404, 'not_found_error', `model: ${id}`);
  // The API answers a retired id exactly like an unknown one (public reports after the 2026-06-15
  // retirement of Sonnet 4 quote `404 not_found_error "model: claude-sonnet-4-20250514"`).
  if (model.lifecycle === 'retired') throw new ApiError(404, 'not_found_error', `model: ${id}`);
  return model;
}

/** What the prompt is made of, for token counting and the prompt cache. */
export function promptShape(request: MessageRequest): Parameters<typeof promptSegments>[0] {
  return {
    model: request.model.id,
    tools: request.tools,
    system: request.system,
    turns: request.turns,
    tail: [request.toolChoice, request.jsonSchema],
    cacheControl: request.cacheControl,
  };
}

function validateMaxTokens(value: unknown, limit: number, modelId: string): number {
  if (value === undefined) throw invalid('max_tokens', 'Field required');
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid('max_tokens', 'Input should be a valid integer');
  if (value < 0) throw invalid('max_tokens', 'Input should be greater than or equal to 0');
  if (value > limit) throw invalid('max_tokens', `${value} > ${limit}, which is the maximum allowed number of output tokens for ${modelId}`);
  return value;
}

function validateSampling(body: Record<string, unknown>): void {
  for (const field of ['temperature', 'top_p']) {
    const value = body[field];
    if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 1)) throw invalid(field, 'Input should be a number between 0 and 1');
  }
  const topK = body.top_k;
  if (topK !== undefined && (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 0)) throw invalid('top_k', 'Input should be an integer greater than or equal to 0');
  const thinking = isObject(body.thinking) ? body.thinking.type : undefined;
  if (thinking === 'enabled' || thinking === 'adaptive') {
    if (body.temperature !== undefined && body.temperature !== 1) throw invalid('temperature', '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode');
    if (topK !== undefined) throw invalid('top_k', '`top_k` is not supported when thinking is enabled');
    if (typeof body.top_p === 'number' && body.top_p < 0.95) throw invalid('top_p', '`top_p` must be between 0.95 and 1 when thinking is enabled');
  }
}

function validateStream(value: unknown, kind: RequestKind): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid('stream', 'Input should be a valid boolean');
  if (value && kind === 'batch') throw invalid('stream', 'streaming is not supported for requests in a message batch');
  return value;
}

function validateStopSequences(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('stop_sequences', 'Input should be a valid list');
  value.forEach((sequence, index) => {
    if (typeof sequence !== 'string') throw invalid(`stop_sequences.${index}`, 'Input should be a valid string');
    if (sequence.length === 0) throw invalid(`stop_sequences.${index}`, 'stop sequences must be non-empty strings');
    if (sequence.trim().length === 0) throw invalid(`stop_sequences.${index}`, 'stop sequences must contain non-whitespace');
  });
  return value as string[];
}

function validateEnum(value: unknown, path: string, options: string[]): void {
  if (value !== undefined && value !== null && !options.includes(value as string)) {
    throw invalid(path, `Input should be ${options.map((option) => `'${option}'`).join(' or ')}`);
  }
}

function validateOutputConfig(value: unknown, structuredOutputs: boolean): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw invalid('output_config', 'Input should be an object');
  if (value.format === undefined || value.format === null) return undefined;
  if (!isObject(value.format) || value.format.type !== 'json_schema') throw invalid('output_config.format.type', "Input should be 'json_schema'");
  if (!structuredOutputs) throw invalid('output_config.format', 'structured outputs are not supported for this model');
  const schema = value.format.schema;
  if (!isObject(schema)) throw invalid('output_config.format.schema', 'Field required (a JSON Schema object)');
  validateOutputSchema(schema);
  return schema;
}

function validateSystem(value: unknown, breakpoints: Breakpoint[]): LocatedBlock[] {
  if (value === undefined) return [];
  if (typeof value === 'string') {
    validateTextValue(value, 'system');
    return [{ block: { type: 'text', text: value }, path: 'system' }];
  }
  if (!Array.isArray(value)) throw invalid('system', 'Input should be a valid string or list of text blocks');
  return value.map((block, index) => {
    const path = `system.${index}`;
    if (!isObject(block) || block.type !== 'text') throw invalid(`${path}.type`, "Input should be 'text'");
    validateTextValue(block.text, `${path}.text`);
    const control: CacheControl | undefined = readCacheControl(block.cache_control, `${path}.cache_control`);
    if (control) breakpoints.push({ path: `${path}.cache_control`, control });
    return { block: block as LocatedBlock['block'], path };
  });
}
