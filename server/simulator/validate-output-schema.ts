import { invalid } from './api-error';
import { isObject } from './is-object';

// The JSON Schema subset structured outputs accept (build-with-claude/structured-outputs). The
// SDK's own lib/transform-json-schema applies the same rules client-side: it keeps exactly these
// keywords, forces `additionalProperties: false` and moves everything else into the description.
const ANY_TYPE = ['type', 'enum', 'const', 'anyOf', 'allOf', '$ref', '$defs', 'description', 'title', '$schema'];
const BY_TYPE: Record<string, string[]> = {
  object: ['properties', 'additionalProperties', 'required'],
  string: ['format'],
  array: ['items', 'minItems'],
};
const STRING_FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

/** Refuses a `output_config.format.schema` outside the accepted subset, naming the offending node. */
export function validateOutputSchema(schema: Record<string, unknown>, path = 'output_config.format.schema'): void {
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];
  const allowed = new Set([...ANY_TYPE, ...types.flatMap((type) => BY_TYPE[type] ?? [])]);
  for (const keyword of Object.keys(schema)) {
    if (!allowed.has(keyword)) throw invalid(`${path}.${keyword}`, `JSON schema keyword '${keyword}' is not supported in structured outputs`);
  }
  // Both messages are the API's as reported in public issues (output_config.format / output_format).
  if (types.includes('object') && schema.additionalProperties === true) {
    throw invalid(path, "For 'object' type, 'additionalProperties: true' is not supported. Please set 'additionalProperties' to false");
  }
  if (types.includes('object') && schema.additionalProperties !== false) {
    throw invalid(path, "For 'object' type, 'additionalProperties' must be explicitly set to false");
  }
  if (schema.format !== undefined && !STRING_FORMATS.has(String(schema.format))) {
    throw invalid(`${path}.format`, `string format '${String(schema.format)}' is not supported; supported formats: ${[...STRING_FORMATS].join(', ')}`);
  }
  if (schema.minItems !== undefined && schema.minItems !== 0 && schema.minItems !== 1) {
    throw invalid(`${path}.minItems`, 'only minItems 0 or 1 is supported in structured outputs');
  }
  for (const [key, child] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    if (isObject(child)) validateOutputSchema(child, `${path}.properties.${key}`);
  }
  for (const [key, child] of Object.entries(isObject(schema.$defs) ? schema.$defs : {})) {
    if (isObject(child)) validateOutputSchema(child, `${path}.$defs.${key}`);
  }
  if (isObject(schema.items)) validateOutputSchema(schema.items, `${path}.items`);
  for (const combinator of ['anyOf', 'allOf'] as const) {
    const variants = schema[combinator];
    if (Array.isArray(variants)) variants.forEach((variant, index) => isObject(variant) && validateOutputSchema(variant, `${path}.${combinator}.${index}`));
  }
}
