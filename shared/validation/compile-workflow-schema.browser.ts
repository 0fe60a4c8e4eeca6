import type { ValidateFunction } from 'ajv/dist/2020';

/**
 * The browser build's twin of compile-workflow-schema.ts (swapped in by vite.config.ts): the page
 * runs under a CSP that forbids code generation, and it only ever has the built-in node types,
 * which the precompiled validator covers.
 */
export function compileWorkflowSchema(): ValidateFunction {
  throw new Error('Node types registered at run time cannot be validated in the browser: their schema would need code generation.');
}
