import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { EventBatcher } from '../../../server/runs/event-batcher';
import { recordRun } from '../../../server/runs/record-run';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import { ev, streamOf } from './trace-fixtures';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trellis-record-'));
  store = openStore(join(dir, 'r.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = { id: 'r1', workflowId: 'wf', workflowJson: '{}', input: {}, createdAt: 1 };

describe('EventBatcher', () => {
  it('holds deltas until a non-delta event, then commits them with it in one batch', () => {
    const batches: number[][] = [];
    const batcher = new EventBatcher({ commit: (b) => batches.push(b.map((e) => e.seq)), committed: () => {}, flushMs: 60_000 });
    batcher.push(ev.nodeStarted('r1', 1, 'a'));
    batcher.push(ev.delta('r1', 2, 'a', 'x'));
    batcher.push(ev.delta('r1', 3, 'a', 'y'));
    expect(batches).toEqual([[1]]);
    batcher.push(ev.nodeCompleted('r1', 4, 'a', { text: 'xy' }));
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('commits lone deltas when its timer fires', async () => {
    const batches: number[][] = [];
    let fired!: () => void;
    const committed = new Promise<void>((resolve) => (fired = resolve));
    const batcher = new EventBatcher({ commit: (b) => batches.push(b.map((e) => e.seq)), committed: () => fired(), flushMs: 1 });
    batcher.push(ev.delta('r1', 2, 'a', 'x'));
    batcher.push(ev.delta('r1', 3, 'a', 'y'));
    await committed;
    expect(batches).toEqual([[2, 3]]);
  });
});

describe('recordRun', () => {
  it('persists every event before announcing it, and ends with the run status', async () => {
    const seenInDb: number[] = [];
    const events = [ev.runStarted('r1', 1), ev.nodeStarted('r1', 2, 'a'), ev.delta('r1', 3, 'a', 'hi'), ev.nodeCompleted('r1', 4, 'a', { text: 'hi' }), ev.runCompleted('r1', 5)];
    const status = await recordRun(store, run, streamOf(events), {
      onEvent: (event) => seenInDb.push(store.events.after('r1', event.seq - 1, 1)[0]?.seq ?? -1),
    });
    expect(status).toBe('completed');
    expect(seenInDb).toEqual([1, 2, 3, 4, 5]);
    expect(store.runs.get('r1')?.status).toBe('completed');
    expect(store.nodeResults.ofRun('r1')[0]).toMatchObject({ status: 'completed', output: { text: 'hi' } });
  });

  it('records a run.failed when the event stream breaks, so no run is left running', async () => {
    async function* broken(): AsyncIterable<TraceEvent> {
      yield ev.runStarted('r1', 1);
      throw new Error('engine exploded');
    }
    const announced: string[] = [];
    const status = await recordRun(store, run, broken(), { onEvent: (e) => announced.push(e.type) });
    expect(status).toBe('failed');
    expect(announced).toEqual(['run.started', 'run.failed']);
    expect(store.runs.get('r1')).toMatchObject({ status: 'failed', error: { type: 'internal' } });
    expect(store.runs.get('r1')?.error?.message).toMatch(/engine exploded/);
  });

  it('revives an existing run row when resuming instead of inserting a second one', async () => {
    await recordRun(store, run, streamOf([ev.runStarted('r1', 1)]));
    expect(store.runs.get('r1')?.status).toBe('failed');
    const status = await recordRun(store, run, streamOf([ev.runStarted('r1', 3), ev.runCompleted('r1', 4)]));
    expect(status).toBe('completed');
    expect(store.runs.count()).toBe(1);
    expect(store.runs.get('r1')).toMatchObject({ status: 'completed', error: null });
  });
});
