import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { runWorkflow } from '../../server/engine/run-workflow';
import { recordRun } from '../../server/runs/record-run';
import { openStore, type Store } from '../../server/store';
import { figure, type Benchmark } from '../lib/benchmark';
import { tempDir } from '../lib/temp-dir';
import { timed } from '../lib/timed';
import { trivialWorkflow } from '../lib/trivial-workflow';

const RUNS = 2000;
const IN_FLIGHT = 16;

// No node of the trivial workflow calls Claude; the engine only needs something typed as a client.
const NO_CLAUDE = {} as Anthropic;

/**
 * Trivial 3-node runs per second recorded to a SQLite file (WAL, synchronous=NORMAL), 16 in
 * flight as a busy server would have, against the same runs with their events discarded. The
 * durable store (synchronous=FULL, `--durable`) is measured too: docs/resilience.md quotes it.
 */
export const storeThroughput: Benchmark = {
  name: 'store-throughput',
  description: `Trivial 3-node runs/s recorded to SQLite (${IN_FLIGHT} in flight), vs the same runs not recorded, and with --durable`,
  async run() {
    const dir = tempDir('trellis-bench-store');
    const workflow = trivialWorkflow();
    const json = JSON.stringify(workflow);
    let counter = 0;
    const runOnce = async (store: Store | undefined) => {
      const id = `run_store_${++counter}`;
      const events = runWorkflow(workflow, { kind: 'fast' }, { claude: NO_CLAUDE, runId: id });
      if (!store) {
        for await (const event of events) void event;
        return;
      }
      const status = await recordRun(store, { id, workflowId: workflow.id, workflowJson: json, input: { kind: 'fast' }, createdAt: Date.now() }, events);
      if (status !== 'completed') throw new Error(`Trivial run ${id} ended ${status}.`);
    };
    const throughput = async (store: Store | undefined) => {
      let next = 0;
      const lane = async () => {
        while (next++ < RUNS) await runOnce(store);
      };
      const ms = await timed(() => Promise.all(Array.from({ length: IN_FLIGHT }, lane)));
      return (RUNS / ms) * 1000;
    };
    try {
      await throughput(undefined);
      const memoryOnly = await throughput(undefined);
      const normal = openStore(join(dir.path, 'normal.db'));
      const durable = openStore(join(dir.path, 'durable.db'), { durable: true });
      try {
        await throughput(normal);
        const recorded = await throughput(normal);
        const recordedDurable = await throughput(durable);
        return {
          figures: [figure('runs per second, SQLite store', recorded, 'runs/s', '>=', 500)],
          baseline: {
            'runs per second, events discarded': memoryOnly,
            'store ÷ no store': recorded / memoryOnly,
            'runs per second, --durable (synchronous=FULL)': recordedDurable,
            'durable ÷ default store': recordedDurable / recorded,
          },
          samples: {},
          notes: [`${RUNS} runs per measurement, ${IN_FLIGHT} in flight; each run records 6 events (run.started, 3 × node.completed … run.completed).`],
        };
      } finally {
        normal.close();
        durable.close();
      }
    } finally {
      dir.remove();
    }
  },
};
