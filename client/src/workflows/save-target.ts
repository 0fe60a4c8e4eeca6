import { freeWorkflowId } from './free-workflow-id';

/**
 * How a save stores the document: replace the workflow it was opened from (PUT), create a new one
 * (POST), or — when its id now names another stored workflow — ask: overwrite that one, or save
 * under `suggestedId`, the first free variant.
 */
export type SaveTarget = { kind: 'replace' } | { kind: 'create' } | { kind: 'clash'; suggestedId: string };

export function saveTarget(savedId: string | null, id: string, taken: ReadonlySet<string>): SaveTarget {
  if (savedId === id) return { kind: 'replace' };
  if (taken.has(id)) return { kind: 'clash', suggestedId: freeWorkflowId(id, taken) };
  return { kind: 'create' };
}
