import type { JsonSchema } from '../../../shared/json-schema';

/**
 * The part of a user's JSON Schema the API accepts in `output_config.format` and in strict tool
 * schemas. Structured outputs take a subset: every object closed with `additionalProperties:
 * false`, and only structural keywords. Anything else (minLength, maximum, maxItems, pattern,
 * formats it does not know, ...) is refused with a 400, so it moves into the description, where
 * Claude still reads it. The node keeps checking the answer against the FULL schema with ajv
 * (json-output.ts), so nothing the user asked for is lost, only enforced after the fact.
 */
export function apiJsonSchema(schema: JsonSchema): JsonSchema {
  return subset(schema) as JsonSchema;
}

/** Keywords that mean the same in the subset, copied as they are (sub-schemas handled below). */
const KEPT = new Set(['type', 'description', 'title', 'required', '$ref']);
/** Keywords whose value is a sub-schema or a list/map of sub-schemas. */
const NESTED = new Set(['properties', 'items', 'anyOf', 'oneOf', 'allOf', '$defs', 'definitions']);
/** Dropped without a trace: they constrain nothing the answer must satisfy. */
const IGNORED = new Set(['$schema', '$id', '$comment', 'additionalProperties', 'examples', 'default']);
/** The string formats the subset understands; others become a note. */
const FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

function subset(node: unknown): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (KEPT.has(key)) out[key] = structuredClone(value);
    else if (key === 'properties' || key === '$defs' || key === 'definitions') out[key] = mapValues(value, subset);
    else if (key === 'items') out[key] = Array.isArray(value) ? value.map(subset) : subset(value);
    // The subset has anyOf but not oneOf; "exactly one" is still checked by ajv on the answer.
    else if (key === 'anyOf' || key === 'oneOf') out.anyOf = [...((out.anyOf as unknown[]) ?? []), ...(Array.isArray(value) ? value.map(subset) : [])];
    else if (key === 'allOf') out[key] = Array.isArray(value) ? value.map(subset) : value;
    else if ((key === 'enum' || key === 'const') && isPrimitiveLiteral(value)) out[key] = structuredClone(value);
    else if (key === 'format' && typeof value === 'string' && FORMATS.has(value)) out[key] = value;
    else if (key === 'minItems' && (value === 0 || value === 1)) out[key] = value;
    else if (!IGNORED.has(key) && !NESTED.has(key)) notes.push(`${key}: ${JSON.stringify(value)}`);
  }
  if (isObjectType(source.type) || 'properties' in source) {
    out.properties ??= {};
    out.additionalProperties = false;
  }
  if (notes.length > 0) {
    const rule = `Also required: ${notes.join(', ')}.`;
    out.description = typeof out.description === 'string' && out.description !== '' ? `${out.description}\n\n${rule}` : rule;
  }
  return out;
}

function isObjectType(type: unknown): boolean {
  return type === 'object' || (Array.isArray(type) && type.includes('object'));
}

function isPrimitiveLiteral(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.every((item) => item === null || typeof item !== 'object');
}

function mapValues(value: unknown, fn: (item: unknown) => unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fn(item)]));
}
