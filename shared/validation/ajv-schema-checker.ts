import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../json-schema';
import { ajvLinearRegExp } from '../regex/ajv-linear-regexp';
import { describeSchemaError, describeValueErrors, type EmbeddedSchemaChecker } from './embedded-schema-checker';
import { USER_SCHEMA_AJV_OPTIONS } from './workflow-ajv-options';

// Separate, lenient instance for user-authored schemas: authors write `format: "email"` and
// draft-style keywords that strict mode would reject; formats are not enforced (documented).
// Its patterns compile with the engine runs use, so a pattern RE2 cannot run is refused here.
const userSchemas = new Ajv2020({ ...USER_SCHEMA_AJV_OPTIONS, code: { regExp: ajvLinearRegExp } });

// Compiling generates code (~0.4 ms a schema) and every run validates its inputs schema several
// times; 300 runs started at once stalled the event loop for ~0.5 s (bench/concurrent-runs).
// Compiled validators are kept by schema text, least recently used dropped, so memory stays bounded.
const MAX_COMPILED = 256;
const compiledByText = new Map<string, ValidateFunction>();

function compile(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = compiledByText.get(key);
  if (cached) {
    compiledByText.delete(key);
    compiledByText.set(key, cached);
    return cached;
  }
  try {
    const validate = userSchemas.compile(schema);
    compiledByText.set(key, validate);
    if (compiledByText.size > MAX_COMPILED) compiledByText.delete(compiledByText.keys().next().value as string);
    return validate;
  } finally {
    userSchemas.removeSchema(schema);
  }
}

/**
 * The checker for Node (server, CLI, engine): ajv compiles each schema, so every keyword of the
 * dialect applies. It generates code, so the browser cannot use it under the server's CSP.
 */
export const ajvSchemaChecker: EmbeddedSchemaChecker = {
  schemaProblem(schema) {
    try {
      // Meta-validates, then compiles (which catches unresolvable `$ref`s and bad patterns).
      if (!userSchemas.validateSchema(schema)) return describeSchemaError(userSchemas.errors);
      compile(schema);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  valueProblems(schema, value) {
    try {
      const validate = compile(schema);
      return validate(value) ? [] : describeValueErrors(validate.errors ?? []);
    } catch (error) {
      return [{ path: '', message: `the schema cannot be used: ${error instanceof Error ? error.message : String(error)}` }];
    }
  },
};
