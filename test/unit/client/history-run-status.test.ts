import { describe, expect, it } from 'vitest';
import { historyRunStatus } from '../../../client/src/run/history-run-status';

describe('historyRunStatus', () => {
  it('shows the followed run as its events say, even when the fetched list still says running', () => {
    expect(historyRunStatus({ id: 'r1', status: 'running' }, { runId: 'r1', status: 'completed' }, null)).toBe('completed');
    expect(historyRunStatus({ id: 'r1', status: 'running' }, { runId: 'r1', status: 'canceled' }, null)).toBe('canceled');
  });

  it('leaves other rows as the server listed them', () => {
    expect(historyRunStatus({ id: 'r2', status: 'running' }, { runId: 'r1', status: 'completed' }, null)).toBe('running');
  });

  it('keeps the stored status while the followed run has no events yet', () => {
    expect(historyRunStatus({ id: 'r1', status: 'failed' }, { runId: 'r1', status: 'idle' }, null)).toBe('failed');
  });

  it('trusts the stored record of an interrupted run over its log', () => {
    expect(historyRunStatus({ id: 'r1', status: 'interrupted' }, { runId: 'r1', status: 'running' }, { runId: 'r1', status: 'interrupted', live: false })).toBe('interrupted');
  });
});
