import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store';
import { runBatch } from '../../../server/batch/run-batch';
import { runRealtime } from '../../../server/batch/run-realtime';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { Workflow } from '../../../shared/workflow-types';
import { buildEnvironment } from '../../../server/environment';

let simulator: RunningSimulator;
let claude: Anthropic;

beforeAll(async () => {
  simulator = await startSimulator({ batchRequestMs: 0 });
  claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, maxRetries: 0 });
});
afterAll(async () => {
  await simulator.close();
});

/** A prompt with an attached lookup tool: Claude asks for the order, then answers with it. */
const workflow: Workflow = {
  format: 'trellis.workflow',
  version: 1,
  id: 'order-status',
  name: 'Order status',
  inputs: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
  defaults: { model: 'claude-sonnet-4-6', max_tokens: 300 },
  nodes: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
    { id: 'answer', type: 'prompt', position: { x: 200, y: 0 }, config: { on_max_tokens: 'warn', messages: [{ role: 'user', content: '{{input.question}}' }] } },
    {
      id: 'lookup',
      type: 'tool',
      position: { x: 200, y: 200 },
      config: { name: 'lookup_order', description: 'Look up an order by id.', input_schema: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] }, implementation: { kind: 'mock', response: { status: 'shipped' } } },
    },
    { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{answer.text}}' } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'answer' },
    { id: 'e2', source: 'lookup', target: 'answer', targetHandle: 'tools' },
    { id: 'e3', source: 'answer', target: 'result' },
  ],
};

describe('tool rounds in batch mode', () => {
  it('sends each further tool round in the next layer batch and ends like the realtime run', async () => {
    const rows = Array.from({ length: 6 }, (_, index) => ({ question: `Where is order A-${index}? Please look it up.` }));
    const batch = await runBatch(workflow, rows, { environment: buildEnvironment({ claude }), pollMs: 5 });
    expect(batch.completed).toBe(6);
    expect(batch.batches.length).toBeGreaterThanOrEqual(2);
    const creates = simulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages/batches');
    const second = (creates[1]?.body as { requests: { custom_id: string; params: { messages: { content: unknown }[] } }[] }).requests;
    // The second layer carries the same node's next round: the tool result of the first.
    expect(second.map((request) => request.custom_id)).toEqual(rows.map((_, index) => `r${index}-answer`));
    expect(JSON.stringify(second[0]?.params.messages.at(-1)?.content)).toContain('tool_result');
    expect(JSON.stringify(second[0]?.params.messages.at(-1)?.content)).toContain('shipped');

    const realtime = await runRealtime(workflow, rows, { environment: buildEnvironment({ claude }), concurrency: 3 });
    expect(batch.rows.map((row) => row.outputs)).toEqual(realtime.rows.map((row) => row.outputs));
    expect(batch.usage).toEqual(realtime.usage);
  });

  it('records every row as a run in the SQLite store, with its trace and the batch price', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trellis-batch-store-'));
    const store = openStore(join(folder, 'runs.db'));
    try {
      const rows = [{ question: 'Where is order B-1?' }, { question: '' }];
      const report = await runBatch(workflow, rows, { environment: buildEnvironment({ claude }), pollMs: 5, store, runIdPrefix: 'batch_test' });
      expect(report.rows.map((row) => row.runId)).toEqual(['batch_test_r0', 'batch_test_r1']);
      const done = store.runs.get('batch_test_r0');
      expect(done?.status).toBe('completed');
      const events = store.events.after('batch_test_r0', 0);
      expect(events[0]?.type).toBe('run.started');
      expect(events.map((event) => event.type)).toContain('node.tool_call');
      const terminal = events.at(-1);
      expect(terminal?.type).toBe('run.completed');
      expect(terminal?.type === 'run.completed' && terminal.data.cost_usd).toBeCloseTo(report.rows[0]?.cost_usd ?? NaN, 12);
      expect(store.nodeResults.ofRun('batch_test_r0').find((node) => node.nodeId === 'answer')?.status).toBe('completed');
      expect(store.runs.get('batch_test_r1')?.status).toBe('failed');
    } finally {
      store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
