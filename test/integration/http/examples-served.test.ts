import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { startServer, type RunningServer } from '../../../server/main';
import type { WorkflowEstimate } from '../../../shared/api/workflow-estimate';
import { httpJson } from '../../helpers/http-json';
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

  it('prices the vision node of the screenshot example in the canvas estimate, image included', async () => {
    const body = { workflowId: 'screenshot-accessibility', sample: 'login-form' };
    const estimate = await httpJson<WorkflowEstimate>(`${server.url}/api/workflows/estimate`, { body });
    expect(estimate.status).toBe(200);
    const [inspect] = estimate.body.nodes;
    expect(inspect).toMatchObject({ nodeId: 'inspect', nodeType: 'vision' });
    expect(inspect?.error).toBeUndefined();
    expect(estimate.body.total.cost_max_usd).toBeGreaterThan(0);
    // The image is counted, not just the text: the same request without it counts fewer tokens.
    const textOnly = await httpJson<WorkflowEstimate>(`${server.url}/api/workflows/estimate`, { body: { ...body, workflowId: undefined, workflow: withoutImages(await storedWorkflow('screenshot-accessibility')) } });
    expect(textOnly.status).toBe(200);
    expect(inspect?.input_tokens).toBeGreaterThan((textOnly.body.nodes[0]?.input_tokens ?? Infinity) + 50);
  });

  async function storedWorkflow(id: string): Promise<{ nodes: { type: string; config: Record<string, unknown> }[] }> {
    return (await httpJson<{ workflow: { nodes: { type: string; config: Record<string, unknown> }[] } }>(`${server.url}/api/workflows/${id}`)).body.workflow;
  }

  function withoutImages<T extends { nodes: { type: string; config: Record<string, unknown> }[] }>(workflow: T): T {
    return { ...workflow, nodes: workflow.nodes.map((node) => (node.type === 'vision' ? { ...node, type: 'prompt', config: { ...node.config, images: undefined } } : node)) };
  }
});
