import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
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

  it('keeps the events that arrived before the stream broke, with run.failed right after them', async () => {
    async function* broken(): AsyncIterable<TraceEvent> {
      yield ev.runStarted('r1', 1);
      yield ev.nodeStarted('r1', 2, 'a');
      yield ev.delta('r1', 3, 'a', 'partial');
      throw new Error('engine exploded');
    }
    expect(await recordRun(store, run, broken())).toBe('failed');
    const stored = store.events.after('r1', 0, 100);
    expect(stored.map((e) => [e.seq, e.type])).toEqual([
      [1, 'run.started'],
      [2, 'node.started'],
      [3, 'node.delta'],
      [4, 'run.failed'],
    ]);
  });

  it('records concurrent runs through one shared transaction per loop turn', async () => {
    const commits: number[] = [];
    const real = store.commitEvents.bind(store);
    store.commitEvents = (events) => {
      commits.push(events.length);
      real(events);
    };
    const runs = ['r1', 'r2', 'r3'].map((id) =>
      recordRun(store, { ...run, id }, streamOf([ev.runStarted(id, 1), ev.nodeStarted(id, 2, 'a'), ev.delta(id, 3, 'a', 'x'), ev.nodeCompleted(id, 4, 'a', { text: 'x' }), ev.runCompleted(id, 5)])),
    );
    expect(await Promise.all(runs)).toEqual(['completed', 'completed', 'completed']);
    expect(commits.reduce((sum, n) => sum + n, 0)).toBe(15);
    // Each transaction carries events of all three runs: far fewer transactions than events.
    expect(commits.length).toBeLessThan(15);
    expect(commits.every((n) => n % 3 === 0)).toBe(true);
    for (const id of ['r1', 'r2', 'r3']) expect(store.events.after(id, 0, 100).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
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
