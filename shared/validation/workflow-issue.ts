import type { Workflow } from '../workflow-types';

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
}

export interface ValidationResult {
  valid: boolean;
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
  /** The document typed as a Workflow, present only when there is no error. */
  workflow?: Workflow;
}

export interface ValidateOptions {
  /** Model ids that do not draw a `model.unknown` warning; defaults to the built-in catalogue. */
  knownModels?: readonly string[];
}

/** Splits issues by severity into the result shape every caller (canvas, server, CLI) uses. */
export function toValidationResult(issues: readonly WorkflowIssue[], document: unknown): ValidationResult {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const result: ValidationResult = { valid: errors.length === 0, errors, warnings };
  if (result.valid) result.workflow = document as Workflow;
  return result;
}
