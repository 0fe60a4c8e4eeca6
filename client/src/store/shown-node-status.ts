import type { NodeStatus, RunStatus } from '../../../shared/trace-events';
import type { NodeRunState } from './run-state';

export type ShownNodeStatus = NodeStatus | 'interrupted';

/**
 * A node's status as shown in an interrupted run: a node that was still running, or that failed
 * only because the shutdown aborted it, was interrupted, not failed (Resume runs it again). In
 * any other run the events decide.
 */
export function shownNodeStatus(node: Pick<NodeRunState, 'status' | 'error'> | undefined, runStatus: RunStatus | 'idle'): ShownNodeStatus {
  const status = node?.status ?? 'idle';
  if (runStatus !== 'interrupted') return status;
  if (status === 'running' || (status === 'failed' && node?.error?.type === 'aborted')) return 'interrupted';
  return status;
}
