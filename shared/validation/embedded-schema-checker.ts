import type { JsonSchema } from '../json-schema';

/** One reason a value does not match a schema; `path` points into the value (`/ticket`). */
export interface ValueProblem {
  path: string;
  message: string;
}

/**
 * How the validator checks the JSON Schemas users write into a workflow (`inputs`, tool
 * `input_schema`, structured-output `schema`) and values against them (samples, a run's input).
 * Two implementations: ajv, which compiles each schema into code (server, CLI, engine: the full
 * dialect, the final word), and an interpreter for the browser, where the Content-Security-Policy
 * forbids code generation (interpreted-schema-checker.ts). See docs/architecture.md.
 */
export interface EmbeddedSchemaChecker {
  /** Why `schema` is not a usable JSON Schema, or null. */
  schemaProblem(schema: JsonSchema): string | null;
  /** Readable problems of `value` (empty when it matches); null when this checker cannot tell and the server decides. */
  valueProblems(schema: JsonSchema, value: unknown): ValueProblem[] | null;
}

/** The ajv-shaped error fields both checkers produce. */
export interface ValueError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** One wording for both checkers, so the canvas and the server say the same thing. */
export function describeValueErrors(errors: readonly ValueError[]): ValueProblem[] {
  return errors.map((error) => {
    const params = error.params;
    const detail =
      error.keyword === 'required' ? `is missing "${String(params.missingProperty)}"` : error.keyword === 'additionalProperties' ? `has unknown field "${String(params.additionalProperty)}"` : (error.message ?? 'is invalid');
    return { path: error.instancePath, message: `${error.instancePath || 'the input'} ${detail}` };
  });
}

/** The first meta-schema error as one line (`/properties/a/type must be …`). */
export function describeSchemaError(errors: readonly { instancePath: string; message?: string }[] | null | undefined): string {
  const [first] = errors ?? [];
  return first ? `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}` : 'is not a valid JSON Schema';
}
