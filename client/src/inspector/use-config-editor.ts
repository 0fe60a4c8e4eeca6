import type { NodeConfigByType } from '../../../shared/node-configs';
import type { NodeType } from '../../../shared/workflow-types';
import { appStore } from '../store/use-app-store';
import { withoutUndefined } from './without-undefined';

/**
 * `set(patch, field)` merges a patch into the node's config; edits to the same `field` in a row
 * (typing) are one undo step. Keys patched to undefined are removed.
 */
export function configEditor<T extends NodeType>(nodeId: string, config: NodeConfigByType[T]) {
  return (patch: Partial<NodeConfigByType[T]>, field: string) => appStore.getState().updateConfig<T>(nodeId, withoutUndefined({ ...config, ...patch }), field);
}
