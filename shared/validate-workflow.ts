import type { Json } from './json-schema';
import { factsCatalog } from './claude-models/model-catalog';
import type { Workflow } from './workflow-types';
import { CheckContext } from './validation/check-context';
import { checkEmbeddedSchemas } from './validation/check-embedded-schemas';
import { defaultSchemaChecker } from './validation/default-schema-checker';
import type { EmbeddedSchemaChecker } from './validation/embedded-schema-checker';
import { checkGraph } from './validation/check-graph';
import { checkNodeConfigs } from './validation/check-node-configs';
import { checkStructure } from './validation/check-structure';
import { checkTemplates } from './validation/check-templates';
import { jsonPointer } from './validation/json-pointer';
import { LIMITS } from './validation/limits';
import { schemaIssues } from './validation/schema-issues';
import { toValidationResult, type ValidateOptions, type ValidationResult, type WorkflowIssue } from './validation/workflow-issue';

export type { ValidateOptions, ValidationResult, WorkflowIssue } from './validation/workflow-issue';

const FACTS = factsCatalog();

/**
 * The one validator for canvas, server and CLI (STYLE §3). Stages, each gating the next:
 * bounded plain JSON → limits → JSON Schema → graph → templates and per-type rules. Never throws;
 * never repairs: a workflow with any error must not run.
 */
export function validateWorkflow(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return toValidationResult(collectIssues(doc, options), doc);
  } catch (error) {
    // A validator bug must surface as a blocking issue, not crash the canvas or the server.
    const message = `The validator failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return toValidationResult([{ severity: 'error', path: '', rule: 'validator.internal', message }], doc);
  }
}

function collectIssues(doc: unknown, options: ValidateOptions): WorkflowIssue[] {
  const structural = checkStructure(doc);
  if (structural.length > 0) return structural;
  const limits = countLimits(doc);
  if (limits.length > 0) return limits;
  const schema = schemaIssues(doc);
  if (schema.length > 0) return schema;

  const ctx = new CheckContext(doc as Workflow, options.models ?? FACTS, options.schemas ?? defaultSchemaChecker);
  checkEmbeddedSchemas(ctx);
  const graphSound = checkGraph(ctx);
  // Upstream sets are meaningless with duplicate ids, dangling edges or cycles; report those first.
  if (graphSound) {
    checkTemplates(ctx);
    checkNodeConfigs(ctx);
  }
  return ctx.issues;
}

/** Node and edge counts, checked before the schema so the message names the limit, not `maxItems`. */
function countLimits(doc: unknown): WorkflowIssue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const { nodes, edges } = doc as { nodes?: unknown; edges?: unknown };
  const issues: WorkflowIssue[] = [];
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodes) {
    issues.push({ severity: 'error', path: '/nodes', rule: 'limits.nodes', message: `The workflow has ${nodes.length} nodes; the limit is ${LIMITS.nodes}.` });
  }
  if (Array.isArray(edges) && edges.length > LIMITS.edges) {
    issues.push({ severity: 'error', path: '/edges', rule: 'limits.edges', message: `The workflow has ${edges.length} edges; the limit is ${LIMITS.edges}.` });
  }
  return issues;
}

/**
 * Checks a run's input against the workflow's `inputs` schema; paths point into the input (`/ticket`).
 * Null only when `schemas` cannot tell (the browser's interpreter, for a keyword it lacks).
 */
export function validateRunInput(workflow: Workflow, input: unknown): WorkflowIssue[];
export function validateRunInput(workflow: Workflow, input: unknown, schemas: EmbeddedSchemaChecker): WorkflowIssue[] | null;
export function validateRunInput(workflow: Workflow, input: unknown, schemas: EmbeddedSchemaChecker = defaultSchemaChecker): WorkflowIssue[] | null {
  const structural = checkStructure(input, LIMITS.inputStringLength);
  if (structural.length > 0) return structural.map((issue) => ({ ...issue, message: `Run input: ${issue.message}` }));
  const problems = schemas.valueProblems(workflow.inputs, input as Json);
  if (problems === null) return null;
  return problems.map((problem) => ({
    severity: 'error',
    path: problem.path === '' ? jsonPointer() : problem.path,
    rule: 'input.invalid',
    message: `Run input does not match the inputs schema: ${problem.message}.`,
  }));
}
