import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../../../..');
const BIN = join(REPO_ROOT, 'bin/trellis.mjs');

export interface TrellisResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `trellis` binary as a child process, with no API key (so "live" means the
 * embedded simulator) and only the extra environment given, in `cwd` (default: the repository).
 */
export function runTrellis(args: string[], extraEnv: Record<string, string> = {}, cwd = REPO_ROOT): Promise<TrellisResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extraEnv };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
