import { Router } from 'express';
import type { EngineEnvironment } from '../environment';
import { estimateWorkflow } from '../estimate/estimate-workflow';
import { resolveRunRequest } from '../runs/resolve-run-request';
import type { Store } from '../store/store';
import { HttpError } from './http-error';

/**
 * `POST /api/workflows/estimate`: the cost preview of one run (docs/estimate.md), counted with the
 * API's free count_tokens. Nothing is stored and nothing is generated. The request is resolved
 * and checked exactly like `POST /api/runs`, and priced in the same environment a run gets (its
 * files root, fetch and prices), so what can run can be priced. Secrets are never read:
 * `{{secrets.NAME}}` is counted as a short placeholder, so no secret can reach a response.
 */
export function estimateRouter(store: Store, environment: EngineEnvironment): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be an object: {"workflowId": …} or {"workflow": …}, with "input" or "sample", and optionally "batch": true.');
    }
    const request = body as Record<string, unknown>;
    if (request.batch !== undefined && typeof request.batch !== 'boolean') throw new HttpError(400, 'invalid_request', '"batch" must be true or false.');
    const { workflow, input } = resolveRunRequest(request, { store, environment });

    const abort = new AbortController();
    // A client that gives up stops the remaining count_tokens calls.
    res.on('close', () => abort.abort());
    const estimate = await estimateWorkflow(workflow, input, { environment, signal: abort.signal, batch: request.batch === true });
    res.json({ workflowId: workflow.id, batch: request.batch === true, ...estimate });
  });
  return router;
}
