import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends SIGKILL: no shutdown hook runs, exactly like a crash or power cut. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ANNOUNCEMENT = /Trellis running at (http:\/\/\S+)/;

/**
 * Starts `server/main.ts` (what `npm start` and `trellis serve` run), or its bundle, as a child process with
 * TRELLIS_PORT=0 and resolves with the URL it prints. `env` is added to a minimal environment:
 * the parent's ANTHROPIC_* variables never leak into the child by accident.
 */
export async function startServerProcess(env: Record<string, string>, options: { timeoutMs?: number; bundle?: string } = {}): Promise<ServerProcess> {
  // A bundle of server/main.ts (bundle-server.ts) starts in a fraction of tsx's time.
  const args = options.bundle ? [options.bundle] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TRELLIS_PORT: '0', TRELLIS_SIM_LATENCY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not announce its URL within ${options.timeoutMs ?? 20_000} ms. stderr:\n${stderr}`)), options.timeoutMs ?? 20_000);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = ANNOUNCEMENT.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}) before listening. stderr:\n${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid as number,
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
