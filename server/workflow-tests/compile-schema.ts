import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../../shared/json-schema';

const ajv = new Ajv2020({ allErrors: true, strict: false });
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
