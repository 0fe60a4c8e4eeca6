import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { buildEnvironment } from '../../server/environment';
import { RunManager } from '../../server/runs/run-manager';
import { openStore } from '../../server/store';
import type { TraceEvent } from '../../shared/trace-events';
import { benchClaude } from '../lib/bench-claude';
import { benchWorkflow } from '../lib/bench-workflow';
import { figure, type Benchmark } from '../lib/benchmark';
import { instrumentDeltas } from '../lib/instrument-deltas';
import { startSimulatorProcess } from '../lib/start-simulator-process';
import { summarize, type Summary } from '../lib/summarize';
import { tempDir } from '../lib/temp-dir';

const RUNS = 15;
const LATENCY = { firstTokenMs: 150, tokensPerSecond: 100 };

/**
 * From the SDK yielding a text delta to the engine, to an SSE client of the real HTTP server
 * (Express app, run manager, SQLite store: durable first, stream second) receiving the frame
 * that carries it. Both ends are in this process, so one monotonic clock times them.
 */
export const sseDeltaLatency: Benchmark = {
  name: 'sse-delta-latency',
  description: `SDK delta → SSE frame at the client, through the real server and SQLite (${LATENCY.tokensPerSecond} tokens/s)`,
  async run() {
    const defaults = await measure({});
    // The same path with delta coalescing off (every delta its own event): what coalescing costs.
    const uncoalesced = await measure({ flushBytes: 1 });
    return {
      figures: [figure('SDK delta → SSE client, p95 (default settings)', defaults.latency.p95, 'ms', '<=', 5)],
      baseline: { 'interval between SDK deltas, median (ms)': defaults.gaps.p50, 'p95 with flushBytes 1 (no coalescing)': uncoalesced.latency.p95 },
      samples: { deltaToSse: defaults.latency, deltaToSseUncoalesced: uncoalesced.latency, sdkDeltaInterval: defaults.gaps },
      notes: [`${defaults.latency.count} deltas over ${RUNS} runs per configuration.`],
    };
  },
};

async function measure(coalescing: { flushBytes?: number }): Promise<{ latency: Summary; gaps: Summary }> {
  const dir = tempDir('trellis-bench-sse');
  const simulator = await startSimulatorProcess(LATENCY);
  const claude = benchClaude(simulator.url);
  const calls = instrumentDeltas(claude);
  const store = openStore(join(dir.path, 'sse.db'));
  const environment = buildEnvironment({ claude });
  const runs = new RunManager({ store, environment, ...coalescing });
  const app = createApp({ store, runs, environment, config: { host: '127.0.0.1', allowedHosts: [], bodyLimitBytes: 5 * 1024 * 1024, maxJsonDepth: 100, heartbeatMs: 15_000 }, log: () => {} });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workflow = benchWorkflow('bench-sse', 1, 'chain');
  try {
    const latencies: number[] = [];
    const gaps: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const started = await fetch(`${url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflow, input: {} }) });
      const { runId } = (await started.json()) as { runId: string };
      const frames = await readDeltaFrames(`${url}/api/runs/${runId}/events`);
      const marks = calls.at(-1) ?? [];
      if (i === 0) continue; // warm-up
      for (const [index, mark] of marks.entries()) {
        const frame = frames.find((candidate) => candidate.endOffset >= mark.endOffset);
        if (!frame) throw new Error(`Delta ending at ${mark.endOffset} never reached the SSE client.`);
        latencies.push(frame.at - mark.at);
        if (index > 0) gaps.push(mark.at - (marks[index - 1]?.at ?? mark.at));
      }
    }
    return { latency: summarize(latencies), gaps: summarize(gaps) };
  } finally {
    await runs.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    store.close();
    await simulator.close();
    dir.remove();
  }
}

/** Reads a run's SSE stream to the end, time-stamping each node.delta frame on arrival. */
async function readDeltaFrames(url: string): Promise<{ endOffset: number; at: number }[]> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  if (!response.body) throw new Error('No SSE body.');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const frames: { endOffset: number; at: number }[] = [];
  let buffer = '';
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return frames;
    const at = performance.now();
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (!data) continue;
      const event = JSON.parse(data.slice(6)) as TraceEvent;
      if (event.type === 'node.delta' && event.data.kind === 'text') {
        offset += event.data.text.length;
        frames.push({ endOffset: offset, at });
      }
    }
  }
}
