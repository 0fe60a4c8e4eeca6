import type { JsonSchema } from '../json-schema';
import { describeSchemaError, describeValueErrors, type EmbeddedSchemaChecker } from './embedded-schema-checker';
import { validateJsonSchema } from './generated/json-schema-validator.js';
import { interpretSchema, schemaSupport } from './interpret-schema';
import { USER_SCHEMA_DIALECT } from './workflow-ajv-options';

/**
 * The browser's checker: no code generation at all. Whether a schema is a JSON Schema is checked
 * by the meta-schema validator precompiled at build time; values are checked by the interpreter.
 * A schema using a keyword the interpreter lacks gets no value verdict here (null): the server's
 * ajv check decides when the workflow is run or saved, rather than the canvas guessing.
 */
export const interpretedSchemaChecker: EmbeddedSchemaChecker = {
  schemaProblem(schema) {
    // ajv knows only its own dialect's meta-schema and refuses others by their URI.
    if (typeof schema.$schema === 'string' && schema.$schema !== USER_SCHEMA_DIALECT) return `no schema with key or ref "${schema.$schema}"`;
    if (!validateJsonSchema(schema)) return describeSchemaError(validateJsonSchema.errors);
    return schemaSupport(schema)?.problem ?? null;
  },
  valueProblems(schema: JsonSchema, value: unknown) {
    const result = interpretSchema(schema, value);
    return result.supported ? describeValueErrors(result.errors) : null;
  },
};
