import { describe, expect, it } from 'vitest';
import { idleNode, type NodeRunState } from '../../../client/src/store/run-state';
import { shownNodeStatus } from '../../../client/src/store/shown-node-status';

const node = (change: Partial<NodeRunState>): NodeRunState => ({ ...idleNode(), ...change });
const aborted = node({ status: 'failed', error: { type: 'aborted', message: 'The run was canceled.' } });
const broken = node({ status: 'failed', error: { type: 'api_error', message: 'Overloaded' } });

describe('shownNodeStatus', () => {
  it('shows a node the cancel stopped as canceled, not failed', () => {
    expect(shownNodeStatus(aborted, 'canceled')).toBe('canceled');
    expect(shownNodeStatus(node({ status: 'running' }), 'canceled')).toBe('canceled');
  });

  it('keeps what really happened to the other nodes of a canceled run', () => {
    expect(shownNodeStatus(broken, 'canceled')).toBe('failed');
    expect(shownNodeStatus(node({ status: 'completed' }), 'canceled')).toBe('completed');
    expect(shownNodeStatus(undefined, 'canceled')).toBe('idle');
  });

  it('shows an abort as failed in a run that failed (another node failed first)', () => {
    expect(shownNodeStatus(aborted, 'failed')).toBe('failed');
  });

  it('still shows a node the shutdown stopped as interrupted', () => {
    expect(shownNodeStatus(aborted, 'interrupted')).toBe('interrupted');
    expect(shownNodeStatus(broken, 'interrupted')).toBe('failed');
  });
});
