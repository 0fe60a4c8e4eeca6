import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../json-schema';
import type { PromptConfig, ToolConfig } from '../node-configs';
import { capabilitiesOf } from '../nodes';
import type { CheckContext } from './check-context';
import { jsonPointer } from './json-pointer';

// Separate, lenient instance for user-authored schemas: authors write `format: "email"` and
// draft-style keywords that strict mode would reject; formats are not enforced (documented).
const userSchemas = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false });

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
 * Why `schema` is not a usable JSON Schema, or null. Meta-validates, then compiles (which catches
 * unresolvable `$ref`s and bad patterns).
 */
export function schemaProblem(schema: JsonSchema): string | null {
  if (!userSchemas.validateSchema(schema)) {
    const [first] = userSchemas.errors ?? [];
    return first ? `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}` : 'is not a valid JSON Schema';
  }
  try {
    compile(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Validates `value` against a user schema; returns readable problems (empty when valid). */
export function valueProblems(schema: JsonSchema, value: unknown): { path: string; message: string }[] {
  try {
    const validate = compile(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => {
      const params = error.params as Record<string, unknown>;
      const detail =
        error.keyword === 'required' ? `is missing "${String(params.missingProperty)}"` : error.keyword === 'additionalProperties' ? `has unknown field "${String(params.additionalProperty)}"` : (error.message ?? 'is invalid');
      return { path: error.instancePath, message: `${error.instancePath || 'the input'} ${detail}` };
    });
  } catch (error) {
    return [{ path: '', message: `the schema cannot be used: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

/** `inputs`, structured-output schemas and tool input schemas must be usable JSON Schemas; samples must satisfy `inputs`. */
export function checkEmbeddedSchemas(ctx: CheckContext): void {
  const { workflow } = ctx;
  const inputsProblem = schemaProblem(workflow.inputs);
  if (inputsProblem) ctx.documentIssue('error', 'inputs.invalid_schema', '/inputs', `The inputs schema is not a valid JSON Schema: ${inputsProblem}.`);
  else if (workflow.inputs.type !== 'object') ctx.documentIssue('error', 'inputs.invalid_schema', '/inputs/type', 'The inputs schema must describe an object ("type": "object"): a run input is a set of named fields.');
  ctx.inputsUsable = inputsProblem === null && workflow.inputs.type === 'object';

  const sampleNames = new Set<string>();
  workflow.samples?.forEach((sample, index) => {
    if (sampleNames.has(sample.name)) ctx.documentIssue('error', 'sample.duplicate_name', jsonPointer('samples', index, 'name'), `Sample "${sample.name}" is defined twice.`);
    sampleNames.add(sample.name);
    if (inputsProblem) return;
    for (const problem of valueProblems(workflow.inputs, sample.input)) {
      ctx.documentIssue('error', 'sample.invalid', `${jsonPointer('samples', index, 'input')}${problem.path}`, `Sample "${sample.name}" does not match the inputs schema: ${problem.message}.`);
    }
  });

  for (const node of workflow.nodes) {
    const capabilities = capabilitiesOf(node.type);
    if (capabilities.isToolProvider) {
      const inputSchema = (node.config as ToolConfig).input_schema;
      const problem = schemaProblem(inputSchema);
      if (problem) ctx.nodeIssue('error', node, 'tool.input_schema', ['config', 'input_schema'], `input_schema is not a valid JSON Schema: ${problem}.`);
      else if (inputSchema.type !== 'object') ctx.nodeIssue('error', node, 'tool.input_schema', ['config', 'input_schema', 'type'], 'input_schema must have "type": "object" (the Messages API requires it).');
    }
    const outputSchema = capabilities.hasConversation ? (node.config as PromptConfig).schema : undefined;
    if (outputSchema) {
      const problem = schemaProblem(outputSchema);
      if (problem) ctx.nodeIssue('error', node, 'output.invalid_schema', ['config', 'schema'], `schema is not a valid JSON Schema: ${problem}.`);
    }
  }
}
