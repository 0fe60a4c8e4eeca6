export { createClaude } from './create-claude';
export type { ClaudeConnection, CreateClaudeOptions } from './create-claude';
