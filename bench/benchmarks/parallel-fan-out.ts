import { benchClaude } from '../lib/bench-claude';
import { benchWorkflow } from '../lib/bench-workflow';
import { figure, type Benchmark } from '../lib/benchmark';
import { runToEnd } from '../lib/run-to-end';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize } from '../lib/summarize';
import { timedPair } from '../lib/timed-pair';

const WIDTH = 8;
const FIRST_TOKEN_MS = 500;
const SAMPLES = 5;

/** Eight independent nodes at concurrency 8 should take about as long as one. */
export const parallelFanOut: Benchmark = {
  name: 'parallel-fan-out',
  description: `${WIDTH} independent prompt nodes at ${FIRST_TOKEN_MS} ms each, concurrency ${WIDTH}: wall time ÷ a 1-node run`,
  async run() {
    const simulator = await startSimulatorProcess({});
    const claude = benchClaude(simulator.url);
    const wide = benchWorkflow('bench-wide', WIDTH, 'parallel');
    const single = benchWorkflow('bench-single', 1, 'parallel');
    try {
      // Warm up at zero latency first: the first run compiles the workflow validator.
      await runToEnd(wide, claude, { concurrency: WIDTH });
      await simulator.setLatency({ firstTokenMs: FIRST_TOKEN_MS });
      const many: number[] = [];
      const one: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const [manyMs, oneMs] = await timedPair(i % 2 === 0, () => runToEnd(wide, claude, { concurrency: WIDTH }), () => runToEnd(single, claude, { concurrency: WIDTH }));
        many.push(manyMs);
        one.push(oneMs);
      }
      const manySummary = summarize(many);
      const oneSummary = summarize(one);
      return {
        figures: [figure(`${WIDTH} nodes ÷ 1 node wall time (median)`, manySummary.p50 / oneSummary.p50, '×', '<=', 1.15)],
        baseline: { '1-node run, median (ms)': oneSummary.p50 },
        samples: { eightNodesWall: manySummary, oneNodeWall: oneSummary },
      };
    } finally {
      await simulator.close();
    }
  },
};
