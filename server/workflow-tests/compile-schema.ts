import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../../shared/json-schema';
import { ajvLinearRegExp } from '../../shared/regex/ajv-linear-regexp';

// Patterns in a cases file are untrusted: linear-time engine (shared/regex/linear-regex.ts).
const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: ajvLinearRegExp } });
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** Compiles (once per schema object) an assertion's JSON Schema; throws with ajv's reason when invalid. */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
