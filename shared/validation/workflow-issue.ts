import type { ModelCatalog } from '../claude-models/model-catalog';
import type { Json } from '../json-schema';
import type { EmbeddedSchemaChecker } from './embedded-schema-checker';
import type { Workflow } from '../workflow-types';

/**
 * A one-click repair the canvas offers next to an issue. Never applied by the validator or the
 * engine (nothing is silently repaired): the user chooses it. `path` is a JSON pointer into the
 * document; `value` undefined removes the field.
 */
export interface IssueFix {
  /** Button text, e.g. `Use adaptive thinking`. */
  label: string;
  changes: { path: string; value?: Json }[];
}

export interface WorkflowIssue {
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  /** JSON pointer into the document, e.g. `/nodes/3/config/max_tokens` ('' is the whole document). */
  path: string;
  /** Stable id of the broken rule, e.g. `graph.cycle`; documented in docs/workflow-format.md. */
  rule: string;
  /** Readable, names the node or edge. */
  message: string;
  fix?: IssueFix;
}

export interface ValidationResult {
  valid: boolean;
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
  /** The document typed as a Workflow, present only when there is no error. */
  workflow?: Workflow;
}

export interface ValidateOptions {
  /**
   * What the models accept: live capabilities when the server has a key (server, and the canvas
   * through /api/models), else the facts table. Defaults to the facts table. A model id the
   * catalogue does not list draws a `model.unknown` warning.
   */
  models?: ModelCatalog;
  /**
   * How the JSON Schemas written into the workflow are checked. Defaults to ajv in Node, which
   * generates code, and to `interpretedSchemaChecker` in the browser build, which does not.
   */
  schemas?: EmbeddedSchemaChecker;
}

/** Splits issues by severity into the result shape every caller (canvas, server, CLI) uses. */
export function toValidationResult(issues: readonly WorkflowIssue[], document: unknown): ValidationResult {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const result: ValidationResult = { valid: errors.length === 0, errors, warnings };
  if (result.valid) result.workflow = document as Workflow;
  return result;
}
