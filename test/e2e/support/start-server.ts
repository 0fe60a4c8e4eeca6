import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../helpers/start-server-process';

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server as `npm start` runs it (test/helpers/start-server-process), on a free port with
 * a fresh SQLite file and the simulator slowed down enough (first token 50 ms, 200 tokens/s) that
 * streaming is observable in the browser. With `dir`, the database in that folder is reused
 * (restart scenarios); `env` adds settings such as TRELLIS_MCP_CONFIG.
 */
export async function startServer(options: { dir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  // A given folder (a restart on the same database) belongs to the caller and is kept.
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  const server = await startServerProcess({ TRELLIS_DB: join(dir, 'trellis.db'), TRELLIS_SIM_LATENCY: '5', ...options.env }, { timeoutMs: 60_000 });
  return {
    url: server.url,
    stop: async () => {
      // A server that does not stop within 5 s of SIGTERM is killed, so a test never hangs on it.
      const force = setTimeout(() => void server.kill(), 5000);
      await server.stop();
      clearTimeout(force);
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
