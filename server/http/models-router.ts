import type Anthropic from '@anthropic-ai/sdk';
import { Router } from 'express';
import { findModel, MODELS, type ModelSpec } from '../../shared/models';

export type ModelInfo = ModelSpec | { id: string; display_name: string; created_at: string };

const LIST_TIMEOUT_MS = 5000;

/**
 * The catalogue as the Claude backend reports it (`GET /v1/models`), enriched with our known
 * limits and prices; our own catalogue when the backend cannot be asked.
 */
export function modelsRouter(claude: Anthropic): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    try {
      const models: ModelInfo[] = [];
      for await (const model of claude.models.list({ limit: 100 }, { timeout: LIST_TIMEOUT_MS, maxRetries: 0 })) {
        models.push(findModel(model.id) ?? { id: model.id, display_name: model.display_name, created_at: String(model.created_at) });
      }
      res.json({ models, source: 'api' });
    } catch {
      res.json({ models: MODELS, source: 'catalogue' });
    }
  });
  return router;
}
