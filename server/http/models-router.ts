import { Router } from 'express';
import type { ModelCatalogProvider } from '../claude/model-catalog-source';

/**
 * `GET /api/models`: one profile per model of the server's catalogue (live capabilities with a
 * key, else the facts table), with prices, defaults and lifecycle from the facts where the table
 * knows the model. The canvas builds its pickers and its validator's catalogue from this answer.
 */
export function modelsRouter(models: ModelCatalogProvider): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const catalog = await models.catalog();
    res.json({ models: catalog.list(), source: catalog.source });
  });
  return router;
}
