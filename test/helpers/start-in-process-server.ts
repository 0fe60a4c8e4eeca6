import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';
import { makeTempDir } from './make-temp-dir';

export interface InProcessServer extends RunningServer {
  dbPath: string;
  /** Lines the server logged. */
  logs: string[];
}

/**
 * The production server (`startServer` with `loadConfig`, exactly what `npm start` wires) in this
 * process, on a free port and a fresh SQLite file, talking to the Claude API at `claudeUrl`
 * (a simulator the test controls) with an API key, as a real deployment would.
 */
export async function startInProcessServer(claudeUrl: string, env: Record<string, string> = {}): Promise<InProcessServer> {
  const dir = makeTempDir('trellis-inproc');
  const dbPath = join(dir.path, 'trellis.db');
  const fullEnv = { TRELLIS_PORT: '0', TRELLIS_DB: dbPath, ANTHROPIC_API_KEY: 'sk-ant-resilience-test', ANTHROPIC_BASE_URL: claudeUrl, ...env };
  const logs: string[] = [];
  const server = await startServer(loadConfig(fullEnv, []), { env: fullEnv, log: (line) => logs.push(line), workflowsDir: join(dir.path, 'no-examples') });
  return {
    ...server,
    dbPath,
    logs,
    close: async () => {
      await server.close();
      dir.remove();
    },
  };
}
