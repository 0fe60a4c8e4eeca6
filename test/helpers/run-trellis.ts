import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
const BIN = join(REPO_ROOT, 'bin/trellis.mjs');

export interface TrellisResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunTrellisOptions {
  /** Working folder (default: the repository). */
  cwd?: string;
  /** Sees stderr as it grows, e.g. to send SIGINT once the run has started. */
  onStderr?: (stderr: string, child: ChildProcess) => void;
}

/**
 * Runs the real `trellis` binary as a child process with a minimal environment: no API key (so
 * "live" means the embedded simulator), no TRELLIS_* settings, only `extraEnv` on top.
 */
export function runTrellis(args: string[], extraEnv: Record<string, string> = {}, options: RunTrellisOptions = {}): Promise<TrellisResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extraEnv };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
