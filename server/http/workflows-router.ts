import { Router } from 'express';
import { loadWorkflow, stringifyWorkflow } from '../../shared/format';
import type { ModelCatalog } from '../../shared/claude-models/model-catalog';
import type { Workflow } from '../../shared/workflow-types';
import type { Store } from '../store/store';
import { HttpError } from './http-error';
import { storableWorkflow } from './storable-workflow';

/** A list row's extras; `errorCount` > 0 marks a workflow saved with errors (it cannot run until fixed). */
function describe(json: string, models: ModelCatalog): { description?: string; nodeCount: number; errorCount: number } {
  const document = JSON.parse(json) as Partial<Workflow>;
  return { description: document.description, nodeCount: document.nodes?.length ?? 0, errorCount: loadWorkflow(document, { models }).errors.length };
}

/** `models`: the server's catalogue (live or facts), so the validator checks what the models accept. */
export function workflowsRouter(store: Store, models: () => Promise<ModelCatalog>, now: () => number = Date.now): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const catalog = await models();
    const workflows = store.workflows.list().map((summary) => {
      const stored = store.workflows.get(summary.id);
      return { ...summary, ...(stored ? describe(stored.json, catalog) : { nodeCount: 0, errorCount: 0 }) };
    });
    res.json({ workflows });
  });

  // Registered before "/:id" so "validate" is never taken for an id.
  router.post('/validate', async (req, res) => {
    const { valid, errors, warnings } = loadWorkflow(req.body, { models: await models() });
    res.json({ valid, errors, warnings });
  });

  router.post('/', async (req, res) => {
    const { workflow, valid, errors, warnings } = storableWorkflow(req.body, await models());
    if (!store.workflows.insert({ id: workflow.id, name: workflow.name, json: stringifyWorkflow(workflow) }, now())) {
      // The client offers Overwrite (PUT) or Rename (a free id) on this type.
      throw new HttpError(409, 'conflict', `A workflow with id "${workflow.id}" already exists.`, { id: workflow.id });
    }
    res.status(201).location(`/api/workflows/${encodeURIComponent(workflow.id)}`).json({ workflow, valid, errors, warnings });
  });

  router.get('/:id', (req, res) => {
    const stored = store.workflows.get(req.params.id);
    if (!stored) throw new HttpError(404, 'not_found', `No workflow with id "${req.params.id}".`);
    res.json({ workflow: JSON.parse(stored.json) as unknown, createdAt: stored.createdAt, updatedAt: stored.updatedAt });
  });

  router.put('/:id', async (req, res) => {
    const { workflow, valid, errors, warnings } = storableWorkflow(req.body, await models());
    if (workflow.id !== req.params.id) {
      throw new HttpError(400, 'id_mismatch', `The body's id "${workflow.id}" does not match the URL's "${req.params.id}".`);
    }
    if (!store.workflows.update({ id: workflow.id, name: workflow.name, json: stringifyWorkflow(workflow) }, now())) {
      throw new HttpError(404, 'not_found', `No workflow with id "${req.params.id}"; POST /api/workflows to create it.`);
    }
    res.json({ workflow, valid, errors, warnings });
  });

  router.delete('/:id', (req, res) => {
    if (!store.workflows.delete(req.params.id)) throw new HttpError(404, 'not_found', `No workflow with id "${req.params.id}".`);
    res.status(204).end();
  });

  return router;
}
