import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { listNodeSpecs, onlyBuiltInNodeTypes } from '../nodes';
import { compileWorkflowSchema } from './compile-workflow-schema';
import { validateWorkflowDocument } from './generated/workflow-validator.js';
import type { WorkflowIssue } from './workflow-issue';

let compiled: { types: string; validate: ValidateFunction } | undefined;

/**
 * The built-in node types are checked by the validator precompiled at build time (no code
 * generation, so it runs under the browser's CSP). Only when a type is registered at run time (a
 * test-only type, a plugin; never in the browser) is the schema compiled here, once per set of types.
 */
function workflowValidator(): ValidateFunction {
  if (onlyBuiltInNodeTypes()) return validateWorkflowDocument;
  const types = listNodeSpecs()
    .map((spec) => spec.type)
    .join(',');
  if (compiled?.types !== types) compiled = { types, validate: compileWorkflowSchema() };
  return compiled.validate;
}

/** Runs the whole-file schema and maps ajv errors to issues carrying the node or edge they are in. */
export function schemaIssues(document: unknown): WorkflowIssue[] {
  const validate = workflowValidator();
  if (validate(document)) return [];
  const errors = collapseOneOf(validate.errors ?? []);
  return errors.map((error) => toIssue(error, document));
}

/**
 * A failed `oneOf` reports every alternative's complaints; keep just the one summary error so the
 * user reads "must be one of: …" instead of a dozen contradictory lines.
 */
function collapseOneOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const failedUnions = errors.filter((error) => error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`);
  return errors.filter((error) => !failedUnions.some((prefix) => error.schemaPath.startsWith(prefix)));
}

function toIssue(error: ErrorObject, document: unknown): WorkflowIssue {
  const segments = error.instancePath.split('/').slice(1);
  const issue: WorkflowIssue = { severity: 'error', path: error.instancePath, rule: `schema.${error.keyword}`, message: '' };
  const subject = locate(segments, document, issue);
  const params = error.params as Record<string, unknown>;

  if (error.keyword === 'discriminator' && params.tag === 'type' && params.error === 'mapping' && segments[0] === 'nodes' && segments.length === 2) {
    issue.rule = 'node.unknown_type';
    issue.path = `${error.instancePath}/type`;
    issue.message = `${subject}has unknown type ${JSON.stringify(params.tagValue)}; known types are ${knownTypes()}.`;
    return issue;
  }
  issue.message = `${subject}${describeError(error, segments)}.`;
  return issue;
}

/** Fills nodeId/edgeId from `/nodes/N/…` or `/edges/N/…` and returns a message prefix naming it. */
function locate(segments: readonly string[], document: unknown, issue: WorkflowIssue): string {
  const [collection, indexText] = segments;
  if ((collection !== 'nodes' && collection !== 'edges') || indexText === undefined) return '';
  const list = (document as Record<string, unknown>)[collection];
  const item: unknown = Array.isArray(list) ? list[Number(indexText)] : undefined;
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  const noun = collection === 'nodes' ? 'Node' : 'Edge';
  if (typeof id !== 'string') return `${noun} #${indexText}: `;
  if (collection === 'nodes') issue.nodeId = id;
  else issue.edgeId = id;
  return `${noun} "${id}": `;
}

function describeError(error: ErrorObject, segments: readonly string[]): string {
  const [collection] = segments;
  const where = (collection === 'nodes' || collection === 'edges' ? segments.slice(2) : segments).join('.') || 'the document';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has an unknown property "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'oneOf':
      return `${where} must be exactly one of: ${describeAlternatives(error.parentSchema)}`;
    case 'discriminator':
      return params.error === 'mapping'
        ? `${where} has an unknown ${String(params.tag)} ${JSON.stringify(params.tagValue)}; expected ${describeTags(error.parentSchema, String(params.tag))}`
        : `${where} needs a string "${String(params.tag)}"`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function describeAlternatives(parentSchema: unknown): string {
  const options = (parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  return options
    .map((option) => {
      const shape = option as { type?: unknown; required?: unknown };
      if (Array.isArray(shape.required) && shape.required.length > 0) return `{${shape.required.join(', ')}}`;
      return String(shape.type ?? 'a value');
    })
    .join(' | ');
}

function describeTags(parentSchema: unknown, tag: string): string {
  const options = (parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  const values = options.map((option) => (option as { properties?: Record<string, { const?: unknown }> }).properties?.[tag]?.const).filter((value) => value !== undefined);
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function knownTypes(): string {
  return listNodeSpecs().map((spec) => spec.type).join(', ');
}
