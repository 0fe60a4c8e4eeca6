import { NO_ISSUES, type IssueCounts } from '../store/issues-slice';
import type { NodeRunState } from '../store/run-state';
import { shownNodeStatus, type ShownNodeStatus } from '../store/shown-node-status';
import { shownRunStatus } from '../store/shown-run-status';
import { useAppStore } from '../store/use-app-store';

/**
 * Per-node selectors: the run slice replaces only the node an event touches, so a streamed delta
 * re-renders that node's view and no other.
 */
export function useNodeRun(nodeId: string): NodeRunState | undefined {
  return useAppStore((state) => state.run.nodes[nodeId]);
}

export function useNodeIssues(nodeId: string): IssueCounts {
  return useAppStore((state) => state.issues.byNode[nodeId] ?? NO_ISSUES);
}

/** The node's status as shown: `interrupted` for a node the server's stop cut short (shownNodeStatus). */
export function useShownNodeStatus(nodeId: string): ShownNodeStatus {
  return useAppStore((state) => shownNodeStatus(state.run.nodes[nodeId], shownRunStatus(state.run, state.runRecord)));
}
