/**
 * Entry point of the simulator's own process for benchmarks: the simulator's work (JSON, SSE
 * framing, pacing timers) then never runs on the loop being measured. Talks over IPC:
 * sends `{url}` once listening; answers `{type: 'count'}` (with its CPU time, to tell whether
 * the simulator itself was the bottleneck) and applies `{type: 'latency'}`.
 */
import { startSimulator } from '../../server/simulator';
import type { LatencyModel } from '../../server/simulator/types';

type Command = { id: number; type: 'count' } | { id: number; type: 'latency'; latency: LatencyModel } | { id: number; type: 'reset' };

const latency = JSON.parse(process.argv[2] ?? '{}') as LatencyModel;
const simulator = await startSimulator({ latency });
process.send?.({ type: 'ready', url: simulator.url });

process.on('message', (command: Command) => {
  if (command.type === 'latency') simulator.setLatency(command.latency);
  if (command.type === 'reset') simulator.reset();
  const count = simulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages').length;
  const { user, system } = process.cpuUsage();
  process.send?.({ type: 'reply', id: command.id, count, cpuMs: (user + system) / 1000 });
});
process.on('disconnect', () => {
  void simulator.close().finally(() => process.exit(0));
});
