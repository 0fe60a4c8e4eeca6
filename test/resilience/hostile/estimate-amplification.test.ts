import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { runTrellis } from '../../helpers/run-trellis';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';
import { useAppOnSimulator } from '../../helpers/use-app-on-simulator';

/**
 * input → long (answers up to 64,000 tokens) → quote (its prompt quotes long's answer `copies`
 * times) → result. A request of about a kilobyte whose estimate would render a prompt of
 * 64,000 × 5 × copies characters.
 */
function quotingWorkflow(copies: number, maxTokens = 64_000): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'amplify',
    name: 'Amplify',
    inputs: { type: 'object', properties: { topic: { type: 'string' } } },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'long', type: 'prompt', position: { x: 200, y: 0 }, config: { max_tokens: maxTokens, messages: [{ role: 'user', content: 'Write about {{input.topic}}.' }] } },
      { id: 'quote', type: 'prompt', position: { x: 400, y: 0 }, config: { messages: [{ role: 'user', content: '{{long.text}}'.repeat(copies) }] } },
      { id: 'result', type: 'output', position: { x: 600, y: 0 }, config: { value: '{{quote.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'long' },
      { id: 'e2', source: 'long', target: 'quote' },
      { id: 'e3', source: 'quote', target: 'result' },
    ],
  };
}

const countTokensCalls = (app: { simulator: { requests: { method: string; path: string }[] } }) =>
  app.simulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/messages/count_tokens')).length;

describe('estimate amplification', () => {
  const running = useAppOnSimulator();

  it('refuses a small request whose estimate would render a huge prompt, with 413 naming the node', async () => {
    const body = { workflow: quotingWorkflow(100), input: { topic: 'tea' } };
    expect(JSON.stringify(body).length).toBeLessThan(4_000);
    const calls = countTokensCalls(running);
    const answer = await httpJson<{ error: { type: string; message: string } }>(`${running.app.url}/api/workflows/estimate`, { body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(413);
    expect(answer.body.error.type).toBe('estimate_too_large');
    expect(answer.body.error.message).toMatch(/^quote: its prompt would render to \d+ characters; an estimate refuses prompts over 4000000/);
    // Refused before quote was counted: only long's two scenarios reached count_tokens.
    expect(countTokensCalls(running) - calls).toBeLessThanOrEqual(2);
    expect((await httpJson<{ ok: boolean }>(`${running.app.url}/api/health`)).body.ok).toBe(true);
  });

  it('refuses an estimate whose prompts add up past the total budget even when each fits', async () => {
    // Each quote renders 320 KB × 10 = 3.2 MB (under the 4 MB prompt cap); twelve of them pass 32 MB.
    const workflow = quotingWorkflow(10);
    const quotes = Array.from({ length: 12 }, (_, i) => ({ id: `quote${i}`, type: 'prompt', position: { x: 400, y: 100 * (i + 1) }, config: { messages: [{ role: 'user', content: '{{long.text}}'.repeat(10) }] } }));
    workflow.nodes.push(...(quotes as Workflow['nodes']));
    workflow.edges.push(...quotes.map((quote) => ({ id: `e-${quote.id}`, source: 'long', target: quote.id })));
    const answer = await httpJson<{ error: { type: string; message: string } }>(`${running.app.url}/api/workflows/estimate`, { body: { workflow, input: { topic: 'tea' } } });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(413);
    expect(answer.body.error.message).toMatch(/an estimate may build at most 32000000/);
  });

  it('an over-limit max_tokens is an error, not a larger filler', async () => {
    const answer = await httpJson<{ error: { type: string; details: { errors: { rule: string; nodeId: string }[] } } }>(`${running.app.url}/api/workflows/estimate`, { body: { workflow: quotingWorkflow(1, 900_000), input: { topic: 'tea' } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'model.max_tokens', nodeId: 'long' })]));
  });

  it('still estimates an ordinary workflow', async () => {
    const answer = await httpJson<{ nodes: { nodeId: string; error?: string }[] }>(`${running.app.url}/api/workflows/estimate`, { body: { workflow: quotingWorkflow(2), input: { topic: 'tea' } } });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
    expect(answer.body.nodes.map((node) => [node.nodeId, node.error])).toEqual([
      ['long', undefined],
      ['quote', undefined],
    ]);
  });
});

describe('trellis estimate', () => {
  const dir = makeTempDir('trellis-estimate-amplification');
  afterAll(() => dir.remove());

  it('exits 2 with the reason when the estimate would be too large to build', async () => {
    const file = join(dir.path, 'amplify.json');
    writeFileSync(file, JSON.stringify(quotingWorkflow(100)));
    const result = await runTrellis(['estimate', file, '--input', '{"topic":"tea"}']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/trellis estimate: quote: its prompt would render to \d+ characters/);
  });
});

/** A Claude API whose count_tokens never answers until released, so estimates stay in progress. */
describe('concurrent estimates', () => {
  let claude: Server;
  let app: TestApp;
  const held: ServerResponse[] = [];
  beforeAll(async () => {
    claude = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      if (req.url?.startsWith('/v1/messages/count_tokens')) held.push(res);
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"not_found_error","message":"no"}}');
    });
    await new Promise<void>((resolve) => claude.listen(0, '127.0.0.1', resolve));
    app = await startTestApp({ claudeUrl: `http://127.0.0.1:${(claude.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await app?.close();
    claude.closeAllConnections();
    await new Promise((resolve) => claude.close(resolve));
  });

  it('answers 503 too_many_estimates past four at once, and accepts again once they finish', async () => {
    const body = { workflow: quotingWorkflow(1), input: { topic: 'tea' } };
    const inFlight = Array.from({ length: 4 }, () => httpJson(`${app.url}/api/workflows/estimate`, { body }));
    for (let attempt = 0; attempt < 200 && held.length < 4; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held).toHaveLength(4);

    const refused = await httpJson<{ error: { type: string; message: string } }>(`${app.url}/api/workflows/estimate`, { body });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ type: 'too_many_estimates', message: expect.stringMatching(/the limit is 4/) });
    expect((await httpJson<{ ok: boolean }>(`${app.url}/api/health`)).body.ok).toBe(true);

    // Let every held and later count_tokens call answer.
    const answer = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"input_tokens":10}');
    held.splice(0).forEach(answer);
    const release = setInterval(() => held.splice(0).forEach(answer), 5);
    try {
      const done = await Promise.all(inFlight);
      expect(done.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect((await httpJson(`${app.url}/api/workflows/estimate`, { body })).status).toBe(200);
    } finally {
      clearInterval(release);
    }
  });
});
