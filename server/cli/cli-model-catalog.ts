import Anthropic from '@anthropic-ai/sdk';
import { factsCatalog, type ModelCatalog } from '../../shared/claude-models/model-catalog';
import { ModelCatalogSource } from '../claude/model-catalog-source';

/**
 * The catalogue a CLI command validates against: the Models API when ANTHROPIC_API_KEY is set
 * (honouring ANTHROPIC_BASE_URL), like the server; otherwise the facts table, with no network at all.
 * A listing that fails falls back to the facts table rather than blocking `trellis validate`.
 */
export async function cliModelCatalog(env: Record<string, string | undefined> = process.env): Promise<ModelCatalog> {
  const apiKey = env.ANTHROPIC_API_KEY;
  if (!apiKey) return factsCatalog();
  const claude = new Anthropic({ apiKey, baseURL: env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com', maxRetries: 0 });
  return new ModelCatalogSource(claude).catalog();
}
