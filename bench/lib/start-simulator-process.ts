import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LatencyModel } from '../../server/simulator/types';

export interface SimulatorProcess {
  url: string;
  setLatency(latency: LatencyModel): Promise<void>;
  /** `POST /v1/messages` requests seen so far. */
  messageCount(): Promise<number>;
  /** CPU time (user + system) the simulator process has used so far. */
  cpuMs(): Promise<number>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./simulator-child.ts', import.meta.url));

/** Starts the simulator in a child process (see simulator-child.ts for why). */
export async function startSimulatorProcess(latency: LatencyModel = {}): Promise<SimulatorProcess> {
  const child = fork(entry, [JSON.stringify(latency)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The simulator process exited with code ${code} before listening.`)));
    child.once('message', (message: { type: string; url: string }) => resolve(message.url));
  });
  let nextId = 0;
  const ask = (command: Record<string, unknown>) => request(child, { ...command, id: ++nextId });
  return {
    url,
    setLatency: async (next) => void (await ask({ type: 'latency', latency: next })),
    messageCount: async () => (await ask({ type: 'count' })).count,
    cpuMs: async () => (await ask({ type: 'count' })).cpuMs,
    reset: async () => void (await ask({ type: 'reset' })),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

function request(child: ChildProcess, command: { id: number }): Promise<{ count: number; cpuMs: number }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; id: number; count: number; cpuMs: number }) => {
      if (message.type !== 'reply' || message.id !== command.id) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send(command);
  });
}
