import { DEFAULT_MODEL, type ModelCatalog, type ModelProfile } from '../../../shared/claude-models';
import type { Workflow } from '../../../shared/workflow-types';

/** The model a Claude node calls, and what the run's catalogue knows about it. */
export interface NodeModel {
  id: string;
  /**
   * Undefined when the catalogue does not list the model (the validator warns about it): the
   * engine then sends the node's settings as given and takes the conservative route for what
   * it chooses itself (no forced tool).
   */
  profile: ModelProfile | undefined;
}

/** config.model, else the workflow default, else the current Sonnet. */
export function nodeModel(configured: string | undefined, workflow: Workflow, catalog: ModelCatalog): NodeModel {
  const id = configured ?? workflow.defaults?.model ?? DEFAULT_MODEL;
  return { id, profile: catalog.find(id) };
}
