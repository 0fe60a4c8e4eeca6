import { Router, type Response } from 'express';
import type { EngineEnvironment } from '../environment';
import { ESTIMATE_LIMITS, EstimateTooLargeError } from '../estimate/estimate-limits';
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
  // Estimates in progress, across clients: each renders prompts and holds count_tokens calls open;
  // four large ones at once took 7.3 GB and stalled /api/health for 10 s.
  let inProgress = 0;
  router.post('/', async (req, res) => {
    if (inProgress >= ESTIMATE_LIMITS.concurrent) {
      res.setHeader('Retry-After', '1');
      throw new HttpError(503, 'too_many_estimates', `${inProgress} estimates are already in progress; the limit is ${ESTIMATE_LIMITS.concurrent}. Try again in a moment.`);
    }
    inProgress++;
    try {
      await respondWithEstimate(req.body as unknown, res);
    } finally {
      inProgress--;
    }
  });
  return router;

  async function respondWithEstimate(body: unknown, res: Response): Promise<void> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be an object: {"workflowId": …} or {"workflow": …}, with "input" or "sample", and optionally "batch": true.');
    }
    const request = body as Record<string, unknown>;
    if (request.batch !== undefined && typeof request.batch !== 'boolean') throw new HttpError(400, 'invalid_request', '"batch" must be true or false.');
    const { workflow, input } = resolveRunRequest(request, { store, environment });

    const abort = new AbortController();
    // A client that gives up stops the remaining count_tokens calls.
    res.on('close', () => abort.abort());
    try {
      const estimate = await estimateWorkflow(workflow, input, { environment, signal: abort.signal, batch: request.batch === true });
      res.json({ workflowId: workflow.id, batch: request.batch === true, ...estimate });
    } catch (error) {
      if (error instanceof EstimateTooLargeError) throw new HttpError(413, 'estimate_too_large', error.message);
      throw error;
    }
  }
}
