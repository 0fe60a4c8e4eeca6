import { validateWorkflow, type ValidateOptions, type ValidationResult } from '../validate-workflow';
import { checkStructure } from '../validation/check-structure';
import { toValidationResult } from '../validation/workflow-issue';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';
import { migrateWorkflow } from './migrate-workflow';
import { parseWorkflowText } from './parse-workflow-text';

export interface LoadOptions extends ValidateOptions {
  /** Overrides the migration registry (tests register fake older versions). */
  migrations?: readonly Migration[];
}

/**
 * The one way to open a workflow file (STYLE §4): parse → migrate → validate. Accepts the file
 * text or an already parsed value. `workflow` in the result is the upgraded document; it is only
 * present when there is no error. Never throws.
 */
export function loadWorkflow(textOrObject: unknown, options: LoadOptions = {}): ValidationResult {
  let document = textOrObject;
  if (typeof textOrObject === 'string') {
    const parsed = parseWorkflowText(textOrObject);
    if (!parsed.ok) return toValidationResult([parsed.issue], undefined);
    document = parsed.value;
  }
  // Migrations are ordinary recursive code: give them only bounded, plain JSON.
  const structural = checkStructure(document);
  if (structural.length > 0) return toValidationResult(structural, document);
  const migrated = migrateWorkflow(document, options.migrations ?? MIGRATIONS);
  if (migrated.issues.some((issue) => issue.severity === 'error')) return toValidationResult(migrated.issues, migrated.document);
  const result = validateWorkflow(migrated.document, options);
  return toValidationResult([...migrated.issues, ...result.errors, ...result.warnings], migrated.document);
}
