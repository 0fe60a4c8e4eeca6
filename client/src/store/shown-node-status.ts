import type { NodeStatus, RunStatus } from '../../../shared/trace-events';
import type { NodeRunState } from './run-state';

export type ShownNodeStatus = NodeStatus | 'interrupted' | 'canceled';

/**
 * A node's status as shown. In a canceled run, a node the cancel stopped (still running, or failed
 * only because the cancel aborted it) was canceled: nothing went wrong with it, so it is not shown
 * as failed. In an interrupted run: a node that was still running, or that failed
 * only because the shutdown aborted it, was interrupted, not failed (Resume runs it again). In
 * any other run the events decide.
 */
export function shownNodeStatus(node: Pick<NodeRunState, 'status' | 'error'> | undefined, runStatus: RunStatus | 'idle'): ShownNodeStatus {
  const status = node?.status ?? 'idle';
  const stopped = status === 'running' || (status === 'failed' && node?.error?.type === 'aborted');
  if (runStatus === 'canceled') return stopped ? 'canceled' : status;
  if (runStatus === 'interrupted') return stopped ? 'interrupted' : status;
  return status;
}
