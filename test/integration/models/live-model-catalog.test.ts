import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelProfile } from '../../../shared/claude-models/model-profile';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startTestApp, type TestApp } from '../../helpers/start-test-app';

/**
 * Issue 11, Done-when: the server, given a key, follows what the Models API says about a model
 * the facts table has never heard of. The "API" is a stub that lists claude-nova-6 (effort low or
 * high only, 32K output) and answers /v1/messages with one streamed text turn.
 */
const NOVA = 'claude-nova-6';

const novaInfo = {
  type: 'model',
  id: NOVA,
  display_name: 'Claude Nova 6',
  created_at: '2026-11-20T00:00:00Z',
  lifecycle: 'active',
  line: null,
  deprecated_at: null,
  retires_at: null,
  max_input_tokens: 500_000,
  max_tokens: 32_000,
  capabilities: {
    batch: { supported: true },
    citations: { supported: true },
    code_execution: { supported: false },
    context_management: { supported: false, clear_thinking_20251015: null, clear_tool_uses_20250919: null, compact_20260112: null },
    effort: { supported: true, low: { supported: true }, medium: { supported: false }, high: { supported: true }, max: { supported: false }, xhigh: null },
    image_input: { supported: true },
    pdf_input: { supported: false },
    server_tools: { supported: false, code_execution: { supported: false }, web_search: { supported: false } },
    structured_outputs: { supported: true },
    thinking: { supported: true, types: { adaptive: { supported: true }, enabled: { supported: false }, between_tools: { supported: false }, disabled: { supported: true } } },
  },
};

/** A model the facts table knows, listed with one more effort level than the docs give it. */
const opusWithXhigh = {
  ...novaInfo,
  id: 'claude-opus-4-6',
  display_name: 'Claude Opus 4.6',
  created_at: '2026-02-05T00:00:00Z',
  line: 'opus',
  max_input_tokens: 1_000_000,
  max_tokens: 128_000,
  capabilities: { ...novaInfo.capabilities, effort: { supported: true, low: { supported: true }, medium: { supported: true }, high: { supported: true }, max: { supported: true }, xhigh: { supported: true } } },
};

function sse(events: Record<string, unknown>[]): string {
  return events.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function startStubApi(sent: Record<string, unknown>[]): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      if (req.method === 'GET' && path === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: [novaInfo, opusWithXhigh], has_more: false, first_id: NOVA, last_id: opusWithXhigh.id }));
        return;
      }
      if (req.method === 'POST' && path === '/v1/messages') {
        const body = await bodyOf(req);
        sent.push(body);
        const usage = { input_tokens: 12, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(
          sse([
            { type: 'message_start', message: { id: 'msg_nova', type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage } },
            { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
            { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Nova says hi.' } },
            { type: 'content_block_stop', index: 0 },
            { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } },
            { type: 'message_stop' },
          ]),
        );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `stub has no ${req.method} ${path}` } }));
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function novaWorkflow(effort: 'low' | 'medium' | 'high' | 'xhigh', model = NOVA): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'nova',
    name: 'Nova',
    inputs: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { model, effort, max_tokens: 2048, messages: [{ role: 'user', content: '{{input.question}}' }] } },
      { id: 'done', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'done' },
    ],
  };
}

describe('a model only the Models API knows', () => {
  const sent: Record<string, unknown>[] = [];
  let stub: Server;
  let app: TestApp;

  beforeAll(async () => {
    stub = await startStubApi(sent);
    app = await startTestApp({ claudeUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, liveModels: true });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => stub?.close(resolve));
  });

  it('is listed by /api/models with the capabilities the API reported, and no price', async () => {
    const { status, body } = await httpJson<{ models: ModelProfile[]; source: string }>(`${app.url}/api/models`);
    expect(status).toBe(200);
    expect(body.source).toBe('api');
    const nova = body.models.find((model) => model.id === NOVA);
    expect(nova).toMatchObject({ effort_levels: ['low', 'high'], thinking_types: ['adaptive', 'disabled'], max_tokens: 32_000, max_input_tokens: 500_000, pdf_input: false, source: 'api' });
    expect(nova?.facts).toBeUndefined();
  });

  it('is validated against those capabilities: an effort level the API does not list is an error with a fix', async () => {
    const refused = await httpJson<{ valid: boolean; errors: WorkflowIssue[]; warnings: WorkflowIssue[] }>(`${app.url}/api/workflows/validate`, { body: novaWorkflow('medium') });
    expect(refused.body.valid).toBe(false);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'model.effort', nodeId: 'ask', path: '/nodes/1/config/effort', message: expect.stringContaining('use "low" or "high"') as unknown })]);
    expect(refused.body.errors[0]?.fix).toEqual({ label: 'Remove effort', changes: [{ path: '/nodes/1/config/effort' }] });

    const accepted = await httpJson<{ valid: boolean; errors: WorkflowIssue[]; warnings: WorkflowIssue[] }>(`${app.url}/api/workflows/validate`, { body: novaWorkflow('high') });
    expect(accepted.body).toMatchObject({ valid: true, errors: [] });
    // Listed by the API, so not "unknown".
    expect(accepted.body.warnings.map((issue) => issue.rule)).not.toContain('model.unknown');
  });

  it('refuses to start a run the capabilities rule out', async () => {
    const started = await httpJson<{ error: { type: string } }>(`${app.url}/api/runs`, { body: { workflow: novaWorkflow('medium'), input: { question: 'hi' } } });
    expect(started.status).toBe(400);
    expect(sent).toHaveLength(0);
  });

  it('runs, and its cost says price unknown rather than $0', async () => {
    const { runId, events, terminal } = await runToTerminal(app.url, { workflow: novaWorkflow('high'), input: { question: 'hi' } });
    expect(terminal.type).toBe('run.completed');
    expect(sent.at(-1)).toMatchObject({ model: NOVA, max_tokens: 2048 });
    const completed = events.find((event) => event.type === 'node.completed' && event.nodeId === 'ask');
    expect(completed?.data).toMatchObject({ usage: { input_tokens: 12, output_tokens: 5 }, cost_usd: null });
    expect(terminal.data).toMatchObject({ cost_usd: null });

    const { body } = await httpJson<{ run: { costUsd: number | null }; nodes: { nodeId: string; costUsd: number | null }[] }>(`${app.url}/api/runs/${runId}`);
    expect(body.run.costUsd).toBeNull();
    expect(body.nodes.find((node) => node.nodeId === 'ask')?.costUsd).toBeNull();
  });

  it('lets the API widen what a documented model accepts, and still prices it from the facts table', async () => {
    const validated = await httpJson<{ valid: boolean }>(`${app.url}/api/workflows/validate`, { body: novaWorkflow('xhigh', 'claude-opus-4-6') });
    expect(validated.body.valid).toBe(true);
    const { terminal } = await runToTerminal(app.url, { workflow: novaWorkflow('xhigh', 'claude-opus-4-6'), input: { question: 'hi' } });
    expect(terminal.type).toBe('run.completed');
    // Opus 4.6: $5 in, $25 out per MTok; the stub reports 12 in, 5 out.
    expect((terminal.data as { cost_usd: number | null }).cost_usd).toBeCloseTo((12 * 5 + 5 * 25) / 1_000_000, 12);
  });
});
