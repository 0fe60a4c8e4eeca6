import { useStore } from '@xyflow/react';

/**
 * Below this zoom node text is a few pixels tall and unreadable, yet painting it is most of the
 * cost of every frame on a large canvas; the canvas then draws nodes as coloured cards.
 */
export const FAR_ZOOM = 0.45;

/** True while the canvas is zoomed out past FAR_ZOOM; changes (and re-renders) only at the threshold. */
export function useZoomedOut(): boolean {
  return useStore((state) => state.transform[2] < FAR_ZOOM);
}
