import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../shared/workflow-types';
import { ensureClientBuilt } from './support/ensure-client-built';
import { browserUnavailable, launchBrowser } from './support/launch-browser';
import { startServer, type TestServer } from './support/start-server';
import { TrellisPage } from './support/trellis-page';

const ROOT = join(import.meta.dirname, '..', '..');

function toolWorkflow(): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'mcp-agent',
    name: 'MCP agent',
    inputs: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'agent', type: 'prompt', position: { x: 250, y: 0 }, config: { messages: [{ role: 'user', content: '{{input.question}}' }] } },
      { id: 'sum', type: 'tool', position: { x: 250, y: 200 }, config: { name: 'sum', input_schema: { type: 'object', properties: {} }, implementation: { kind: 'mcp', server: 'echo', tool: 'placeholder' } } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'agent' },
      { id: 'e2', source: 'sum', target: 'agent', targetHandle: 'tools' },
    ],
  };
}

/** The inspector of an mcp tool node lists the server's configured MCP servers and their tools. */
describe.skipIf(browserUnavailable() !== null)('MCP tool picker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-mcp-'));
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureClientBuilt();
    const config = join(dir, 'mcp.json');
    writeFileSync(config, JSON.stringify({ servers: { echo: { command: process.execPath, args: ['--import', 'tsx', join(ROOT, 'test/fixtures/mcp/echo-server.ts')], cwd: ROOT } } }));
    server = await startServer({ env: { TRELLIS_MCP_CONFIG: config } });
    browser = await launchBrowser();
    const response = await fetch(`${server.url}/api/workflows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toolWorkflow()) });
    expect(response.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the server's tools and fills the node from the chosen one", async () => {
    const app = new TrellisPage(await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), server!.url);
    const errors: string[] = [];
    app.page.on('pageerror', (error) => errors.push(error.message));
    await app.open();
    // No samples on purpose: the run panel once looped forever on a workflow without them.
    await app.openWorkflow('mcp-agent');
    await app.node('sum').click();
    await app.showInspector();
    const { page } = app;
    expect(await page.getByTestId('mcp-server-select').inputValue()).toBe('echo');
    await page.getByTestId('mcp-tool-add').click();

    await expect.poll(async () => JSON.parse(await page.getByTestId('tool-implementation').inputValue()) as unknown).toEqual({ kind: 'mcp', server: 'echo', tool: 'add' });
    const schema = JSON.parse(await page.getByTestId('tool-input-schema').inputValue()) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(['a', 'b']);
    expect(schema.required.sort()).toEqual(['a', 'b']);
    expect(await page.locator('[data-testid="inspector"] textarea').nth(0).inputValue()).toBe('Adds two numbers.');
    expect(await page.getByTestId('mcp-tool-add').getAttribute('class')).toContain('mcp-tools__item--current');
    expect(errors).toEqual([]);
  });
});
