import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server as `npm start` runs it (`tsx server/main.ts`), on a free port with a fresh SQLite
 * file and the simulator slowed down enough (first token 50 ms, 200 tokens/s) that streaming is
 * observable in the browser. With `dir`, the database in that folder is reused (restart scenarios); `env` adds settings
 * such as TRELLIS_MCP_CONFIG.
 */
export async function startServer(options: { dir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  // A given folder (a restart on the same database) belongs to the caller and is kept.
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TRELLIS_PORT: '0', TRELLIS_DB: join(dir, 'trellis.db'), TRELLIS_SIM_LATENCY: '5', ...options.env };
  delete env.ANTHROPIC_API_KEY;
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Trellis running at (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The server exited with ${code} before listening:\n${log}`)));
  });
  return {
    url,
    stop: async () => {
      await stopChild(child);
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
