import type { Position } from '../../../shared/workflow-types';
import type { FlowNode } from './flow-types';

/** Room taken by a node not measured yet (the largest node view). */
const ASSUMED = { width: 240, height: 150 };
const GAP = 30;

/**
 * `wanted`, moved down below any node the new node would overlap, so nodes added by clicking do
 * not pile up on each other and hide each other's handles.
 */
export function freeSpot(wanted: Position, nodes: readonly FlowNode[]): Position {
  const spot = { ...wanted };
  for (let tries = 0; tries < 500; tries += 1) {
    const blocker = nodes.find((node) => {
      const width = node.measured?.width ?? ASSUMED.width;
      const height = node.measured?.height ?? ASSUMED.height;
      return spot.x < node.position.x + width + GAP && node.position.x < spot.x + ASSUMED.width + GAP && spot.y < node.position.y + height + GAP && node.position.y < spot.y + ASSUMED.height + GAP;
    });
    if (!blocker) return spot;
    spot.y = blocker.position.y + (blocker.measured?.height ?? ASSUMED.height) + GAP;
  }
  return spot;
}
