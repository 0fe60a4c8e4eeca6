import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run dev`: the API server on 5170 (tsx, restarted by hand) and Vite on 5173 with hot reload,
 * proxying /api to the server (vite.config.ts). Ctrl+C stops both; if either exits, so does the other.
 */
const ROOT = join(import.meta.dirname, '..');
const API_PORT = process.env.TRELLIS_PORT && process.env.TRELLIS_PORT !== '0' ? process.env.TRELLIS_PORT : '5170';
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${name} exited (${signal ?? code}); stopping.\n`);
    stop(typeof code === 'number' && code !== 0 ? code : 1);
  });
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

start('API server', bin('tsx'), ['server/main.ts'], { ...process.env, TRELLIS_PORT: API_PORT });
start('Vite', bin('vite'), ['--port', '5173', '--strictPort'], { ...process.env, TRELLIS_PORT: API_PORT });
process.stdout.write(`Trellis dev: open http://127.0.0.1:5173 (API on http://127.0.0.1:${API_PORT})\n`);
