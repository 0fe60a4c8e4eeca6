import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { Json, JsonSchema } from '../../shared/json-schema';
import { ajvLinearRegExp } from '../../shared/regex/ajv-linear-regexp';
import { NodeError } from './node-error';

export const JSON_OUTPUT_TOOL = 'json_output';

// Schema patterns run on Claude's answers: linear-time engine (shared/regex/linear-regex.ts).
const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: ajvLinearRegExp } });
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * The forced `json_output` tool needs an object input schema; any other schema is wrapped as
 * `{value: schema}` and unwrapped when the answer comes back.
 */
export function jsonToolSchema(schema: JsonSchema): { input_schema: JsonSchema; wrapped: boolean } {
  if (schema.type === 'object') return { input_schema: schema, wrapped: false };
  return { input_schema: { type: 'object', properties: { value: schema }, required: ['value'] }, wrapped: true };
}

/**
 * Parses Claude's JSON answer (if text) and checks it against the node's FULL schema with ajv:
 * the API only enforces the subset it accepts (models/api-json-schema.ts), so bounds, patterns
 * and the like are checked here.
 */
export function checkJsonAnswer(nodeId: string, schema: JsonSchema, answer: Json | string, fromText: boolean): Json {
  let value: Json;
  if (fromText) {
    try {
      value = JSON.parse(stripFence(answer as string)) as Json;
    } catch (error) {
      throw new NodeError({ type: 'validation_error', message: `${nodeId}: Claude's answer is not valid JSON (${(error as Error).message})` }, { retryable: true });
    }
  } else {
    value = answer as Json;
  }
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw NodeError.config(`${nodeId}.config.schema is not a valid JSON Schema: ${(error as Error).message}`);
    }
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    const issues = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
    throw new NodeError({ type: 'validation_error', message: `${nodeId}: Claude's JSON answer does not match the node's schema: ${issues}` }, { retryable: true });
  }
  return value;
}

/** Models sometimes wrap JSON in a Markdown fence even when asked not to. */
function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return fenced ? (fenced[1] as string) : text;
}
