/** The browser build's twin of default-schema-checker.ts: the interpreter, which generates no code. */
export { interpretedSchemaChecker as defaultSchemaChecker } from './interpreted-schema-checker';
