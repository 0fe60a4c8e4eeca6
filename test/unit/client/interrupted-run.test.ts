import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { applyTraceEvents } from '../../../client/src/store/apply-trace-event';
import { createAppStore } from '../../../client/src/store/app-store';
import { emptyRun } from '../../../client/src/store/run-state';
import { shownNodeStatus } from '../../../client/src/store/shown-node-status';
import { isResumable, shownRunStatus } from '../../../client/src/store/shown-run-status';

const RUN = 'run_1';
const usage = { input_tokens: 5, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

function events(...partial: Omit<TraceEvent, 'seq' | 'ts' | 'runId'>[]): TraceEvent[] {
  return partial.map((event, index) => ({ ...event, seq: index + 1, ts: 1_000 + index, runId: RUN }) as TraceEvent);
}

const started = { type: 'run.started', data: { workflowId: 'w', input: {} } } as const;
const nodeStarted = { type: 'node.started', nodeId: 'draft', data: { nodeType: 'prompt', attempt: 1 } } as const;

describe('an interrupted run', () => {
  it('ends interrupted on a run.interrupted terminal event, keeping its totals', () => {
    const log = [...events(started, nodeStarted), { seq: 3, ts: 1_003, runId: RUN, type: 'run.interrupted', data: { usage, cost_usd: 0.01, duration_ms: 900, reason: 'server restarted' } } as unknown as TraceEvent];
    const run = applyTraceEvents(emptyRun(RUN), log);
    expect(run).toMatchObject({ status: 'interrupted', usage, costUsd: 0.01, durationMs: 900, lastSeq: 3 });
  });

  it('shows as interrupted when the server says so, whatever its log ends with', () => {
    const noTerminal = applyTraceEvents(emptyRun(RUN), events(started, nodeStarted));
    expect(noTerminal.status).toBe('running');
    expect(shownRunStatus(noTerminal, { runId: RUN, status: 'interrupted', live: false })).toBe('interrupted');
    // A graceful shutdown writes run.canceled, then the row is marked interrupted.
    const shutdown = applyTraceEvents(emptyRun(RUN), events(started, nodeStarted, { type: 'run.canceled', data: { reason: 'server shutting down', usage, cost_usd: 0, duration_ms: 5 } }));
    expect(shutdown.status).toBe('canceled');
    expect(shownRunStatus(shutdown, { runId: RUN, status: 'interrupted', live: false })).toBe('interrupted');
  });

  it('follows the events while the run is live, and ignores a record of another run', () => {
    const running = applyTraceEvents(emptyRun(RUN), events(started));
    expect(shownRunStatus(running, { runId: RUN, status: 'running', live: true })).toBe('running');
    // Resumed: the earlier attempt's end is not the outcome while the server runs it again.
    const canceledEarlier = applyTraceEvents(emptyRun(RUN), events(started, { type: 'run.canceled', data: { reason: 'server shutting down', usage, cost_usd: 0, duration_ms: 5 } }));
    expect(shownRunStatus(canceledEarlier, { runId: RUN, status: 'running', live: true })).toBe('running');
    expect(shownRunStatus(running, { runId: 'other', status: 'interrupted', live: false })).toBe('running');
    expect(shownRunStatus(running, null)).toBe('running');
    const failed = applyTraceEvents(emptyRun(RUN), events(started, { type: 'run.failed', data: { error: { type: 'x', message: 'boom' }, usage, cost_usd: 0, duration_ms: 1 } }));
    expect(shownRunStatus(failed, { runId: RUN, status: 'failed', live: false })).toBe('failed');
  });

  it('shows nodes the stop cut short as interrupted, not failed or running', () => {
    const aborted = { status: 'failed' as const, error: { type: 'aborted', message: 'The run was canceled.' } };
    expect(shownNodeStatus(aborted, 'interrupted')).toBe('interrupted');
    expect(shownNodeStatus({ status: 'running' }, 'interrupted')).toBe('interrupted');
    // A real failure stays one; outside an interrupted run the events decide, except that a
    // canceled run shows its aborted nodes as canceled (issue 13 group 4).
    expect(shownNodeStatus({ status: 'failed', error: { type: 'api_error', message: 'overloaded' } }, 'interrupted')).toBe('failed');
    expect(shownNodeStatus({ status: 'completed' }, 'interrupted')).toBe('completed');
    expect(shownNodeStatus(aborted, 'canceled')).toBe('canceled');
    expect(shownNodeStatus(aborted, 'failed')).toBe('failed');
    expect(shownNodeStatus(undefined, 'interrupted')).toBe('idle');
  });

  it('is resumable, as is a failed run; completed and canceled runs are not', () => {
    expect(['interrupted', 'failed', 'completed', 'canceled', 'running', 'idle'].filter((status) => isResumable(status as never))).toEqual(['interrupted', 'failed']);
  });

  it("is live again after resuming, whatever the earlier attempt's log ended with", () => {
    const store = createAppStore();
    store.getState().beginRun(RUN, true);
    store.getState().receiveEvents(events(started, nodeStarted));
    store.getState().setRunRecord({ runId: RUN, status: 'interrupted', live: false });
    expect(shownRunStatus(store.getState().run, store.getState().runRecord)).toBe('interrupted');
    store.getState().resumeLive();
    expect(store.getState().runIsReplay).toBe(false);
    expect(store.getState().runRecord).toEqual({ runId: RUN, status: 'running', live: true });
    expect(shownRunStatus(store.getState().run, store.getState().runRecord)).toBe('running');
    // A record for a run that is not the open one is not kept.
    store.getState().setRunRecord({ runId: 'other', status: 'completed', live: false });
    expect(store.getState().runRecord).toEqual({ runId: RUN, status: 'running', live: true });
  });
});
