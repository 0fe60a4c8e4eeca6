import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialSchema } from '../../../server/store/migrations/0001-initial-schema';
import { openStore } from '../../../server/store/open-store';
import { runMigrations } from '../../../server/store/run-migrations';
import { ev } from './trace-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trellis-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const newRun = (id: string, createdAt = 1) => ({ id, workflowId: 'wf', workflowJson: '{"id":"wf"}', input: { q: 'hi' }, createdAt });

describe('openStore', () => {
  it('creates the schema once and keeps data across reopenings (migrations are idempotent)', () => {
    const path = join(dir, 'nested', 'trellis.db');
    const first = openStore(path);
    first.workflows.insert({ id: 'a', name: 'A', json: '{}' }, 1);
    first.close();

    const second = openStore(path);
    expect(second.workflows.get('a')?.name).toBe('A');
    const applied = second.db.prepare('SELECT version FROM schema_migrations').all();
    expect(applied).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect(second.db.pragma('user_version', { simple: true })).toBe(3);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    second.close();
  });

  it('uses synchronous=FULL only when durable', () => {
    const normal = openStore(join(dir, 'a.db'));
    const durable = openStore(join(dir, 'b.db'), { durable: true });
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(durable.db.pragma('synchronous', { simple: true })).toBe(2);
    normal.close();
    durable.close();
  });

  it('refuses a database written by a newer Trellis instead of corrupting it', () => {
    const path = join(dir, 'future.db');
    openStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)").run();
    raw.close();
    expect(() => openStore(path)).toThrow(/schema is version 99, newer than this Trellis/);
  });
});

describe('Store.commitEvents', () => {
  it('stores node results and run totals together with their events', () => {
    const store = openStore(join(dir, 's.db'));
    store.runs.insert(newRun('r1'));
    store.commitEvents([ev.runStarted('r1', 1), ev.nodeStarted('r1', 2, 'ask'), ev.delta('r1', 3, 'ask', 'Hel'), ev.delta('r1', 4, 'ask', 'lo'), ev.nodeCompleted('r1', 5, 'ask', { text: 'Hello' })]);
    store.commitEvents([ev.runCompleted('r1', 6)]);

    const [result] = store.nodeResults.ofRun('r1');
    expect(result).toMatchObject({ nodeId: 'ask', status: 'completed', output: { text: 'Hello' }, costUsd: 0.001, stopReason: 'end_turn', durationMs: 7 });
    expect(store.runs.get('r1')).toMatchObject({ status: 'completed', outputs: { out: 'done' }, costUsd: 0.001, durationMs: 20 });
    expect(store.events.after('r1', 4).map((e) => e.seq)).toEqual([5, 6]);
    expect(store.events.after('r1', 0)[2]).toEqual(ev.delta('r1', 3, 'ask', 'Hel'));
    store.close();
  });

  it('never keeps a node result without the events before it: a failing batch rolls back whole', () => {
    const store = openStore(join(dir, 's.db'));
    store.runs.insert(newRun('r1'));
    store.commitEvents([ev.runStarted('r1', 1), ev.nodeStarted('r1', 2, 'ask')]);
    // seq 2 repeats: the primary key refuses it, and the completion in the same batch must go too.
    expect(() => store.commitEvents([ev.delta('r1', 3, 'ask', 'x'), ev.nodeCompleted('r1', 4, 'ask', { text: 'x' }), ev.delta('r1', 2, 'ask', 'dup')])).toThrow(/UNIQUE|PRIMARY/);
    expect(store.events.lastSeq('r1')).toBe(2);
    expect(store.nodeResults.ofRun('r1')[0]?.status).toBe('running');
    store.close();
  });

  it('refuses events of a run that does not exist (foreign keys are on)', () => {
    const store = openStore(join(dir, 's.db'));
    expect(() => store.commitEvents([ev.runStarted('ghost', 1)])).toThrow(/FOREIGN KEY/);
    store.close();
  });
});

describe('RunTable', () => {
  it('lists newest first, filtered by workflow, and a run.interrupted event marks a live run interrupted with its reason', () => {
    const store = openStore(join(dir, 's.db'));
    store.runs.insert(newRun('old', 1));
    store.runs.insert({ ...newRun('other', 2), workflowId: 'wf2' });
    store.runs.insert(newRun('new', 2));
    store.commitEvents([ev.runCompleted('old', 1)]);

    expect(store.runs.list({ limit: 10 }).map((r) => r.id)).toEqual(['new', 'other', 'old']);
    expect(store.runs.list({ workflowId: 'wf', limit: 1 }).map((r) => r.id)).toEqual(['new']);

    expect(store.runs.liveIds().sort()).toEqual(['new', 'other']);
    store.commitEvents([{ seq: 1, ts: 5, runId: 'new', type: 'run.interrupted', data: { usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, cost_usd: 0, duration_ms: 0, reason: 'server stopped' } }]);
    expect(store.runs.get('new')).toMatchObject({ status: 'interrupted', note: 'server stopped' });
    expect(store.runs.get('old')?.status).toBe('completed');
    expect(store.runs.liveIds()).toEqual(['other']);
    store.close();
  });
});

describe('runMigrations', () => {
  it('upgrades a database from an older version, applying only the missing migrations', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    expect(runMigrations(old, [initialSchema])).toEqual([1]);
    old.prepare("INSERT INTO workflows (id, name, json, created_at, updated_at) VALUES ('kept', 'Kept', '{}', 1, 1)").run();
    old.close();

    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    expect(store.workflows.get('kept')?.name).toBe('Kept');
    store.meta.set('k', 'v');
    expect(store.meta.get('k')).toBe('v');
    expect(runMigrations(store.db)).toEqual([]);
    store.close();
  });

  it("lists a run's nodes by start time, and nodes started in the same millisecond in workflow file order", () => {
    const store = openStore(join(dir, 'trellis.db'));
    const workflowJson = JSON.stringify({ id: 'wf', nodes: [{ id: 'zeta' }, { id: 'alpha' }, { id: 'mid' }] });
    store.runs.insert({ ...newRun('run_order'), workflowJson });
    store.nodeResults.started('run_order', 'mid', 'prompt', 1, 20);
    store.nodeResults.started('run_order', 'alpha', 'prompt', 1, 10);
    store.nodeResults.started('run_order', 'zeta', 'input', 1, 10);
    expect(store.nodeResults.ofRun('run_order').map((node) => node.nodeId)).toEqual(['zeta', 'alpha', 'mid']);
    store.close();
  });
});
