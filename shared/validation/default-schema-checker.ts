/**
 * The embedded-schema checker the validator uses when not told otherwise: ajv in Node (server,
 * CLI, engine). The browser build swaps in default-schema-checker.browser.ts (vite.config.ts), so
 * no code-generating module reaches the page at all.
 */
export { ajvSchemaChecker as defaultSchemaChecker } from './ajv-schema-checker';
