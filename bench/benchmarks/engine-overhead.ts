import { benchClaude } from '../lib/bench-claude';
import { benchWorkflow } from '../lib/bench-workflow';
import { figure, type Benchmark } from '../lib/benchmark';
import { rawStream } from '../lib/raw-stream';
import { runToEnd } from '../lib/run-to-end';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize } from '../lib/summarize';
import { timedPair } from '../lib/timed-pair';
import type { TraceEvent } from '../../shared/trace-events';

const CHAIN = 10;
const WARMUP = 20;
const SAMPLES = 150;

/**
 * What the engine adds to each prompt node, against a raw `messages.stream` of the identical
 * request to the same zero-latency simulator. Each sample pairs a 10-node chain run with 10 raw
 * calls back to back (order alternating), so drift in the simulator affects both sides equally;
 * the per-node figure is the difference divided by 10. A second figure, the 1-node run, includes
 * the whole run's setup (validation, input and output nodes, terminal event) as an upper bound.
 */
export const engineOverhead: Benchmark = {
  name: 'engine-overhead',
  description: 'Engine overhead per prompt node vs a raw messages.stream (simulator at zero latency, in a child process)',
  async run() {
    const simulator = await startSimulatorProcess({});
    const claude = benchClaude(simulator.url);
    const chain = benchWorkflow('bench-chain', CHAIN, 'chain');
    const single = benchWorkflow('bench-single', 1, 'chain');
    const raws = async (count: number) => {
      for (let index = 0; index < count; index++) await rawStream(claude, index);
    };
    try {
      for (let i = 0; i < WARMUP; i++) {
        await runToEnd(chain, claude);
        await raws(CHAIN);
      }
      const perNode: number[] = [];
      const perRun: number[] = [];
      const rawCalls: number[] = [];
      const engineMs: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const engineFirst = i % 2 === 0;
        const onEvent = (event: TraceEvent) => {
          if (event.type === 'node.completed' && event.data.engine_ms !== undefined) engineMs.push(event.data.engine_ms);
        };
        const [engineWall, rawWall] = await timedPair(engineFirst, () => runToEnd(chain, claude, { onEvent }), () => raws(CHAIN));
        perNode.push((engineWall - rawWall) / CHAIN);
        rawCalls.push(rawWall / CHAIN);
        const [oneEngine, oneRaw] = await timedPair(engineFirst, () => runToEnd(single, claude), () => raws(1));
        perRun.push(oneEngine - oneRaw);
      }
      const node = summarize(perNode);
      const run = summarize(perRun);
      return {
        figures: [
          figure('overhead per prompt node, p50', node.p50, 'ms', '<=', 1),
          figure('overhead per prompt node, p95', node.p95, 'ms', '<=', 5),
        ],
        baseline: { 'raw messages.stream p50 (ms)': summarize(rawCalls).p50, 'chain length': CHAIN, samples: SAMPLES },
        samples: { perNodeOverhead: node, oneNodeRunOverhead: run, rawCall: summarize(rawCalls), selfReportedEngineMs: summarize(engineMs) },
        notes: [
          `A whole 1-node run (input → prompt → output) costs ${run.p50.toFixed(2)} ms p50 / ${run.p95.toFixed(2)} ms p95 more than one raw call: run setup, validation and the input/output nodes included.`,
        ],
      };
    } finally {
      await simulator.close();
    }
  },
};
