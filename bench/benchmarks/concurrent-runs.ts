import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '../../server/store';
import { benchClaude } from '../lib/bench-claude';
import { benchWorkflow } from '../lib/bench-workflow';
import { figure, type Benchmark } from '../lib/benchmark';
import { rawStream } from '../lib/raw-stream';
import { recordBenchRun } from '../lib/record-bench-run';
import { sampleRss } from '../lib/sample-rss';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize } from '../lib/summarize';
import { tempDir } from '../lib/temp-dir';
import { timed } from '../lib/timed';

const RUNS = 300;
const NODES = 3;
const LATENCY = { firstTokenMs: 200, tokensPerSecond: 100 };
const IDEAL_SAMPLES = 3;

/**
 * 300 runs of a 3-node chain started at once, each recorded into SQLite as the server does,
 * streaming from the simulator at a realistic pace. "Ideal" is one such run on its own, measured
 * just before: with perfect concurrency 300 runs take no longer than one.
 */
export const concurrentRuns: Benchmark = {
  name: 'concurrent-runs',
  description: `${RUNS} concurrent streaming runs of ${NODES} nodes (first token ${LATENCY.firstTokenMs} ms, ${LATENCY.tokensPerSecond} tokens/s), recorded to SQLite`,
  async run() {
    const dir = tempDir('trellis-bench-concurrent');
    const simulator = await startSimulatorProcess({});
    const claude = benchClaude(simulator.url);
    const store = openStore(join(dir.path, 'bench.db'));
    const workflow = benchWorkflow('bench-three', NODES, 'chain');
    try {
      await recordBenchRun(store, workflow, claude);
      await simulator.setLatency(LATENCY);
      const alone: number[] = [];
      for (let i = 0; i < IDEAL_SAMPLES; i++) alone.push(await timed(() => recordBenchRun(store, workflow, claude)));
      const ideal = summarize(alone).p50;
      // The same 300 × 3 calls straight through the SDK, no engine or store: what this machine
      // and simulator manage at all, to tell Trellis's cost from the environment's.
      const rawRss = sampleRss();
      const rawWall = await timed(() =>
        Promise.all(
          Array.from({ length: RUNS }, async () => {
            for (let index = 0; index < NODES; index++) await rawStream(claude, index);
          }),
        ),
      );

      const rawPeakRssMb = rawRss.stop();
      const delay = monitorEventLoopDelay({ resolution: 1 });
      // RSS rarely shrinks: the runs start from what the raw phase left resident.
      const startRssMb = process.memoryUsage.rss() / 2 ** 20;
      const rss = sampleRss();
      delay.enable();
      const statuses: string[] = [];
      const simulatorCpuBefore = await simulator.cpuMs();
      const ownCpuBefore = process.cpuUsage();
      const wall = await timed(async () => {
        const all: Promise<number>[] = [];
        for (let i = 0; i < RUNS; i++) {
          all.push(recordBenchRun(store, workflow, claude).then((status) => statuses.push(status)));
          // Each start in its own macrotask, as 300 POST /api/runs arriving together would be.
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(all);
      });
      delay.disable();
      const peakRssMb = rss.stop();
      const ownCpu = process.cpuUsage(ownCpuBefore);
      const simulatorBusy = (await simulator.cpuMs()) - simulatorCpuBefore;
      const failures = statuses.filter((status) => status !== 'completed').length;
      const loopP99 = delay.percentile(99) / 1e6;
      return {
        figures: [
          figure('failed runs', failures, 'runs', '<=', 0),
          figure('wall time ÷ ideal (one run alone)', wall / ideal, '×', '<=', 1.1),
          figure('event-loop delay p99', loopP99, 'ms', '<=', 50),
          figure('peak RSS', peakRssMb, 'MB', '<=', 300),
        ],
        baseline: {
          'one run alone, median (ms)': ideal,
          'wall time of all runs (ms)': wall,
          'raw SDK, same calls and concurrency, wall (ms)': rawWall,
          'engine + store ÷ raw SDK wall': wall / rawWall,
          'raw SDK phase, peak RSS (MB)': rawPeakRssMb,
          'RSS when the 300 runs start (MB)': startRssMb,
          // Near 1.0 means a core was saturated: the figure then measures the machine, not Trellis.
          'engine process CPU ÷ wall': (ownCpu.user + ownCpu.system) / 1000 / wall,
          'simulator process CPU ÷ wall': simulatorBusy / wall,
        },
        samples: {
          oneRunAlone: summarize(alone),
          eventLoopDelay: { count: delay.count, min: delay.min / 1e6, p50: delay.percentile(50) / 1e6, p95: delay.percentile(95) / 1e6, p99: loopP99, max: delay.max / 1e6, mean: delay.mean / 1e6 },
        },
      };
    } finally {
      store.close();
      await simulator.close();
      dir.remove();
    }
  },
};
