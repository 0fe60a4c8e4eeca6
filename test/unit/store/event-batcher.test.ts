import { describe, expect, it } from 'vitest';
import { EventBatcher } from '../../../server/runs/event-batcher';
import type { TraceEvent } from '../../../shared/trace-events';
import { ev } from './trace-fixtures';

/** Resolves after every immediate already queued (the batcher's end-of-turn flush among them). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function recorder(refuse?: (event: TraceEvent) => boolean) {
  const transactions: string[][] = [];
  const batcher = new EventBatcher({
    commit: (events) => {
      if (refuse && events.some(refuse)) throw new Error('constraint failed');
      transactions.push(events.map((e) => `${e.runId}:${e.seq}`));
    },
  });
  return { batcher, transactions };
}

describe('EventBatcher', () => {
  it('commits what every run pushed during one loop turn in a single transaction at the end of it', async () => {
    const { batcher, transactions } = recorder();
    const announced: string[][] = [];
    const a = batcher.open((events) => announced.push(events.map((e) => `a:${e.seq}`)));
    const b = batcher.open((events) => announced.push(events.map((e) => `b:${e.seq}`)));
    a.push(ev.nodeStarted('a', 1, 'n'));
    b.push(ev.delta('b', 7, 'n', 'x'));
    a.push(ev.delta('a', 2, 'n', 'y'));
    expect(transactions).toEqual([]);
    await nextTurn();
    expect(transactions).toEqual([['a:1', 'a:2', 'b:7']]);
    expect(announced).toEqual([['a:1', 'a:2'], ['b:7']]);
  });

  it('commits a node result together with the deltas queued before it, never ahead of them', async () => {
    const { batcher, transactions } = recorder();
    const run = batcher.open(() => {});
    run.push(ev.delta('r', 1, 'n', 'he'));
    run.push(ev.delta('r', 2, 'n', 'llo'));
    run.push(ev.nodeCompleted('r', 3, 'n', { text: 'hello' }));
    await run.settled();
    expect(transactions).toEqual([['r:1', 'r:2', 'r:3']]);
  });

  it('fails only the run whose events the store refuses; the others still commit', async () => {
    const { batcher, transactions } = recorder((event) => event.runId === 'bad');
    const good = batcher.open(() => {});
    const bad = batcher.open(() => {});
    good.push(ev.delta('good', 1, 'n', 'x'));
    bad.push(ev.delta('bad', 1, 'n', 'x'));
    await expect(bad.settled()).rejects.toThrow('constraint failed');
    await expect(good.settled()).resolves.toBeUndefined();
    expect(transactions).toEqual([['good:1']]);
    expect(() => bad.push(ev.delta('bad', 2, 'n', 'y'))).toThrow('constraint failed');
  });

  it('with a time window, lets deltas wait but commits any other event at the end of the turn', async () => {
    const transactions: number[][] = [];
    const batcher = new EventBatcher({ commit: (events) => transactions.push(events.map((e) => e.seq)), flushMs: 60_000 });
    const run = batcher.open(() => {});
    run.push(ev.delta('r', 1, 'n', 'x'));
    await nextTurn();
    expect(transactions).toEqual([]);
    run.push(ev.nodeCompleted('r', 2, 'n', { text: 'x' }));
    await nextTurn();
    expect(transactions).toEqual([[1, 2]]);
  });

  it('discard drops what a failed run had queued', async () => {
    const { batcher, transactions } = recorder();
    const run = batcher.open(() => {});
    run.push(ev.delta('r', 1, 'n', 'x'));
    run.discard();
    await nextTurn();
    expect(transactions).toEqual([]);
  });
});
