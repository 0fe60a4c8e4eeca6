import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/main';
import { tempDir } from './temp-dir';

/**
 * The production server as `npm start` wires it (loadConfig + startServer) in this process, on a
 * free port and a fresh SQLite file, calling the Claude API at `claudeUrl` with a key, as a
 * deployment would. Benchmarks measure this, never a test harness.
 */
export async function startBenchServer(claudeUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = tempDir('trellis-bench-server');
  const env = { TRELLIS_PORT: '0', TRELLIS_DB: join(dir.path, 'trellis.db'), ANTHROPIC_API_KEY: 'sk-ant-bench', ANTHROPIC_BASE_URL: claudeUrl };
  const server = await startServer(loadConfig(env, []), { env, log: () => {}, workflowsDir: join(dir.path, 'no-examples') });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      dir.remove();
    },
  };
}
