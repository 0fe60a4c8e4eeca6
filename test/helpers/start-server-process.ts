import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the server wrote so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGKILL: no shutdown hook runs, exactly like a crash or power cut. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** `trellis serve` flags, e.g. ['--db', path]. */
  args?: string[];
  timeoutMs?: number;
  /** A bundle of server/main.ts (bundle-server.ts), which starts in a fraction of tsx's time. */
  bundle?: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ANNOUNCEMENT = /Trellis running at (http:\/\/\S+)/;

/**
 * Starts `server/main.ts` (what `npm start` and `trellis serve` run), or its bundle, as a child
 * process with TRELLIS_PORT=0 and resolves with the URL it prints. `env` is added to a minimal
 * environment: the parent's ANTHROPIC_* variables never leak into the child by accident.
 */
export async function startServerProcess(env: Record<string, string>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const entry = options.bundle ? [options.bundle] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, [...entry, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TRELLIS_PORT: '0', TRELLIS_SIM_LATENCY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not announce its URL within ${timeoutMs} ms. stderr:\n${stderr}`)), timeoutMs);
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
      reject(new Error(`The server exited (${code}) before listening. stderr:\n${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid as number,
    output: () => ({ stdout, stderr }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
