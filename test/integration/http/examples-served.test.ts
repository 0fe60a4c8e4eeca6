import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { startServer, type RunningServer } from '../../../server/main';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { runToTerminal } from '../../helpers/run-to-terminal';

// The server as `npm start` wires it, with the shipped examples seeded from workflows/.
describe('the seeded examples run in the server', () => {
  const dir = makeTempDir('trellis-examples');
  let server: RunningServer;

  beforeAll(async () => {
    const env = { TRELLIS_PORT: '0', TRELLIS_DB: join(dir.path, 'trellis.db'), TRELLIS_SIM_LATENCY: '0' };
    server = await startServer(loadConfig(env, []), { env, log: () => {} });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('reads a vision file image from workflows/assets and describes its real size', async () => {
    const { terminal, events } = await runToTerminal(server.url, { workflowId: 'screenshot-accessibility', input: { audience: 'the front-end team' } });
    expect(terminal.type).toBe('run.completed');
    const failed = events.filter((event) => event.type === 'node.failed');
    expect(failed).toEqual([]);
    expect(JSON.stringify(terminal.data)).toContain('320×200');
  });
});
