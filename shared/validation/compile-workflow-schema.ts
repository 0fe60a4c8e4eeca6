import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import { buildWorkflowSchema } from './build-workflow-schema';
import { WORKFLOW_AJV_OPTIONS } from './workflow-ajv-options';

/**
 * Compiles the whole-file schema of the node types registered now. Only needed when a type is
 * registered at run time (tests, plugins); the built-in types use the precompiled validator.
 * Generates code, so the browser build swaps in compile-workflow-schema.browser.ts.
 */
export function compileWorkflowSchema(): ValidateFunction {
  return new Ajv2020(WORKFLOW_AJV_OPTIONS).compile(buildWorkflowSchema());
}
