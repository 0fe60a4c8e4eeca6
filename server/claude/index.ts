export { createClaude } from './create-claude';
export type { ClaudeConnection, CreateClaudeOptions } from './create-claude';
export { ModelCatalogSource } from './model-catalog-source';
export { modelInfoToCapabilities } from './model-info-to-capabilities';
