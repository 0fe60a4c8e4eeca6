import type Anthropic from '@anthropic-ai/sdk';
import { Router } from 'express';
import type { Workflow } from '../../shared/workflow-types';
import type { ModelCatalogSource } from '../claude/model-catalog-source';
import { resolveInput, resolveWorkflow } from '../batch-jobs/resolve-workflow';
import type { GuardedFetch } from '../engine/types';
import { estimateWorkflow, type EstimateOptions } from '../estimate/estimate-workflow';
import type { PriceTable } from '../../shared/pricing';
import type { Store } from '../store/store';
import { HttpError } from './http-error';

export interface EstimateRouterOptions {
  /** Without a Claude client nothing can be counted: every request is a 503. */
  claude: Anthropic | undefined;
  prices?: PriceTable;
  /** The server's model catalogue: context windows and prices of live models. */
  models?: ModelCatalogSource;
  fetch?: GuardedFetch;
  filesRoot?: string;
  /** Server-side checks (configured MCP servers); issues → 400 like POST /api/runs. */
  preflight?: (workflow: Workflow) => readonly { nodeId?: string; path: string; rule: string; message: string }[];
}

/**
 * `POST /api/workflows/estimate`: the cost preview of one run (docs/estimate.md), counted with the
 * API's free count_tokens. Nothing is stored and nothing is generated. Secrets are never read:
 * `{{secrets.NAME}}` is counted as a short placeholder, so no secret can reach a response.
 */
export function estimateRouter(store: Store, options: EstimateRouterOptions): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be an object: {"workflowId": …} or {"workflow": …}, with "input" or "sample", and optionally "batch": true.');
    }
    const request = body as Record<string, unknown>;
    if (request.batch !== undefined && typeof request.batch !== 'boolean') throw new HttpError(400, 'invalid_request', '"batch" must be true or false.');
    const workflow = resolveWorkflow(store, request, await options.models?.catalog());
    const issues = options.preflight?.(workflow) ?? [];
    if (issues.length > 0) throw new HttpError(400, 'invalid_workflow', `The workflow cannot run on this server: ${issues[0]?.message}`, { errors: issues });
    const input = resolveInput(workflow, request);
    if (!options.claude) throw new HttpError(503, 'unavailable', 'This server has no Claude connection to count tokens with.');

    const abort = new AbortController();
    // A client that gives up stops the remaining count_tokens calls.
    res.on('close', () => abort.abort());
    const estimateOptions: EstimateOptions = { claude: options.claude, signal: abort.signal, batch: request.batch === true };
    if (options.prices) estimateOptions.prices = options.prices;
    if (options.fetch) estimateOptions.fetch = options.fetch;
    if (options.filesRoot) estimateOptions.filesRoot = options.filesRoot;
    if (options.models) estimateOptions.models = await options.models.catalog();
    const estimate = await estimateWorkflow(workflow, input, estimateOptions);
    res.json({ workflowId: workflow.id, batch: request.batch === true, ...estimate });
  });
  return router;
}
