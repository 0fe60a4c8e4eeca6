import { benchClaude } from '../lib/bench-claude';
import { benchWorkflow } from '../lib/bench-workflow';
import { figure, type Benchmark } from '../lib/benchmark';
import { rawStream } from '../lib/raw-stream';
import { runToEnd } from '../lib/run-to-end';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize } from '../lib/summarize';
import { timedPair } from '../lib/timed-pair';

const CHAIN = 10;
const FIRST_TOKEN_MS = 1000;
const SAMPLES = 2;

/** A 10-node chain at 1 s to first token: the engine should add nothing a user could notice. */
export const chainWallTime: Benchmark = {
  name: 'chain-wall-time',
  description: `A ${CHAIN}-node chain, simulator at ${FIRST_TOKEN_MS} ms to first token: engine wall time ÷ ${CHAIN} raw calls in sequence`,
  async run() {
    const simulator = await startSimulatorProcess({});
    const claude = benchClaude(simulator.url);
    const chain = benchWorkflow('bench-chain', CHAIN, 'chain');
    try {
      // Warm both paths at zero latency first: the first run compiles the workflow validator.
      await runToEnd(chain, claude);
      await rawStream(claude, 0);
      await simulator.setLatency({ firstTokenMs: FIRST_TOKEN_MS });
      const engine: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const [engineMs, rawMs] = await timedPair(i % 2 === 0, () => runToEnd(chain, claude), async () => {
          for (let index = 0; index < CHAIN; index++) await rawStream(claude, index);
        });
        engine.push(engineMs);
        raw.push(rawMs);
      }
      const engineSummary = summarize(engine);
      const rawSummary = summarize(raw);
      return {
        figures: [figure('engine ÷ raw wall time (mean)', engineSummary.mean / rawSummary.mean, '×', '<=', 1.01)],
        baseline: { [`${CHAIN} raw calls in sequence, mean (ms)`]: rawSummary.mean },
        samples: { engineWall: engineSummary, rawWall: rawSummary },
      };
    } finally {
      await simulator.close();
    }
  },
};
