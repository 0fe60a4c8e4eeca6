import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { estimateWorkflow } from '../../../server/estimate/estimate-workflow';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { codeReviewWorkflow } from './code-review-workflow';
import { buildEnvironment } from '../../../server/environment';

let simulator: RunningSimulator;
let claude: Anthropic;
const DIFF = { diff: 'function add(a, b) {\n  return a - b; // subtracts!\n}' };

beforeAll(async () => {
  simulator = await startSimulator();
  claude = new Anthropic({ apiKey: 'sim-key', baseURL: simulator.url, maxRetries: 0 });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => simulator.reset());

async function run(workflow: Workflow, input: Record<string, unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, input as never, { claude, runId: 'run_estimate' })) events.push(event);
  return events;
}

function completedUsage(events: TraceEvent[], nodeId: string) {
  const event = events.find((candidate) => candidate.type === 'node.completed' && candidate.nodeId === nodeId);
  if (event?.type !== 'node.completed' || !event.data.usage) throw new Error(`${nodeId} did not complete`);
  return event.data.usage;
}

function withNodes(nodes: Omit<WorkflowNode, 'position'>[], edges: [string, string, string?][], properties: Record<string, object>): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'estimate-test',
    name: 'estimate test',
    inputs: { type: 'object', properties },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 300 },
    nodes: nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } }) as WorkflowNode),
    edges: edges.map(([source, target, sourceHandle], index) => (sourceHandle ? { id: `e${index}`, source, target, sourceHandle } : { id: `e${index}`, source, target })),
  };
}

describe('estimateWorkflow on the simulator', () => {
  it('counts exactly what the real run sends for a node with no upstream Claude dependency', async () => {
    const workflow = codeReviewWorkflow();
    const estimate = await estimateWorkflow(workflow, DIFF, { environment: buildEnvironment({ claude }) });
    const review = estimate.nodes.find((node) => node.nodeId === 'review');
    expect(review).toMatchObject({ model: 'claude-sonnet-4-6', max_output_tokens: 400, context_window: 1_000_000, conditional: false });
    expect(review?.input_tokens_min).toBe(review?.input_tokens);

    // The simulator's own count of the request the engine really sends.
    simulator.reset();
    const events = await run(workflow, DIFF);
    const sent = simulator.requests.find((request) => request.path === '/v1/messages' && JSON.stringify(request.body).includes('You review code'));
    const { max_tokens: _max, stream: _stream, ...prompt } = sent?.body as Record<string, unknown>;
    const counted = await claude.messages.countTokens(prompt as never);
    expect(review?.input_tokens).toBe(counted.input_tokens);

    const usage = completedUsage(events, 'review');
    expect(review?.input_tokens).toBe(usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens);
  });

  it('bounds a downstream node between one-token and max_tokens-long upstream answers', async () => {
    const workflow = codeReviewWorkflow();
    const estimate = await estimateWorkflow(workflow, DIFF, { environment: buildEnvironment({ claude }) });
    const summary = estimate.nodes.find((node) => node.nodeId === 'summary');
    const events = await run(workflow, DIFF);
    const actual = completedUsage(events, 'summary').input_tokens;
    expect(summary?.input_tokens_min).toBeLessThanOrEqual(actual);
    expect(summary?.input_tokens).toBeGreaterThanOrEqual(actual);
    // The review may write up to 400 tokens, and that is what the maximum assumes.
    expect((summary?.input_tokens ?? 0) - (summary?.input_tokens_min ?? 0)).toBeGreaterThanOrEqual(398);
  });

  it('prices min as input + 1 output token and max as input + max_tokens, with cache writes at their premium', async () => {
    const estimate = await estimateWorkflow(codeReviewWorkflow(), DIFF, { environment: buildEnvironment({ claude }) });
    const [review, summary] = estimate.nodes;
    // Sonnet 4.6: $3/M input, $15/M output; the review's system prompt is cached (1.25× on a cold cache).
    expect(review?.cost_min_usd).toBeCloseTo(((review?.input_tokens ?? 0) * 3 + 15) / 1e6, 12);
    expect(review?.cost_max_usd).toBeCloseTo(((review?.input_tokens ?? 0) * 3 * 1.25 + 400 * 15) / 1e6, 12);
    expect(summary?.cost_max_usd).toBeCloseTo(((summary?.input_tokens ?? 0) * 3 + 200 * 15) / 1e6, 12);
    expect(estimate.total.cost_max_usd).toBeCloseTo((review?.cost_max_usd ?? 0) + (summary?.cost_max_usd ?? 0), 12);
    const batch = await estimateWorkflow(codeReviewWorkflow(), DIFF, { environment: buildEnvironment({ claude }), batch: true });
    expect(batch.total.cost_max_usd).toBeCloseTo((estimate.total.cost_max_usd ?? Number.NaN) / 2, 12);
  });

  it('warns when the input fills more than 80% of the context window', async () => {
    const workflow = withNodes(
      [
        { id: 'input', type: 'input', config: {} },
        { id: 'digest', type: 'prompt', config: { messages: [{ role: 'user', content: 'Digest:\n{{input.log}}' }] } },
      ],
      [['input', 'digest']],
      { log: { type: 'string' } },
    );
    const log = Array.from({ length: 170_000 }, () => 'data').join(' ');
    const estimate = await estimateWorkflow(workflow, { log }, { environment: buildEnvironment({ claude }) });
    expect(estimate.nodes[0]?.input_tokens).toBeGreaterThan(160_000);
    expect(estimate.nodes[0]?.warnings.join('\n')).toMatch(/over 80% of the 200000-token context window/);
  });

  it('reports a template error and a breakpoint overflow per node instead of failing the whole estimate', async () => {
    const cached = (content: string) => ({ role: 'user' as const, content, cache: true });
    const workflow = withNodes(
      [
        { id: 'input', type: 'input', config: {} },
        { id: 'broken', type: 'prompt', config: { messages: [{ role: 'user', content: 'Hello {{input.nope}}' }] } },
        {
          id: 'overcached',
          type: 'prompt',
          config: { system: { text: 'Be brief.', cache: true }, messages: [cached('a'), { role: 'assistant', content: 'b', cache: true }, cached('c'), { role: 'assistant', content: 'd', cache: true }, cached('e')] },
        },
        { id: 'fine', type: 'prompt', config: { messages: [{ role: 'user', content: 'Hi {{input.name}}' }] } },
      ],
      [['input', 'broken'], ['input', 'overcached'], ['input', 'fine']],
      { name: { type: 'string' } },
    );
    const estimate = await estimateWorkflow(workflow, { name: 'Ada' }, { environment: buildEnvironment({ claude }) });
    const byId = Object.fromEntries(estimate.nodes.map((node) => [node.nodeId, node]));
    expect(byId.broken?.error).toMatch(/broken\.config\.messages\.0\.content.*\{\{input\.nope\}\}/);
    expect(byId.overcached?.warnings.join('\n')).toMatch(/6 cache breakpoints.*at most 4/);
    expect(byId.overcached?.error).toMatch(/cache_control/);
    expect(byId.fine?.error).toBeUndefined();
    expect(byId.fine?.input_tokens).toBeGreaterThan(0);
    expect(estimate.total.cost_max_usd).toBeCloseTo(byId.fine?.cost_max_usd ?? NaN, 12);
  });

  it('flags cache_tools (5m) before a 1h system prompt; continue_from no longer piles up breakpoints', async () => {
    const cached = (content: string) => ({ role: 'user' as const, content, cache: true });
    const workflow = withNodes(
      [
        { id: 'input', type: 'input', config: {} },
        { id: 'first', type: 'prompt', config: { system: { text: 'Be brief.', cache: true }, messages: [cached('one {{input.topic}}'), { role: 'assistant', content: 'ok', cache: true }, cached('two')] } },
        { id: 'second', type: 'prompt', config: { continue_from: 'first', system: { text: 'Be briefer.', cache: true }, messages: [cached('three')] } },
        { id: 'tooled', type: 'prompt', config: { cache_tools: true, system: { text: 'Use the tool.', cache: true, cache_ttl: '1h' }, messages: [{ role: 'user', content: 'Look up {{input.topic}}' }] } },
        { id: 'lookup', type: 'tool', config: { name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } } }, implementation: { kind: 'mock', response: 'found' } } },
      ],
      [['input', 'first'], ['first', 'second'], ['input', 'tooled']],
      { topic: { type: 'string' } },
    );
    workflow.edges.push({ id: 'tool', source: 'lookup', target: 'tooled', targetHandle: 'tools' });
    const estimate = await estimateWorkflow(workflow, { topic: 'caching' }, { environment: buildEnvironment({ claude }) });
    const byId = Object.fromEntries(estimate.nodes.map((node) => [node.nodeId, node]));
    expect(byId.first?.warnings).toEqual([]);
    // first's 4 breakpoints do not travel with its conversation: second sends only its own 2.
    expect(byId.second?.warnings).toEqual([]);
    expect(byId.tooled?.warnings.join('\n')).toMatch(/1h cache breakpoint at system\.0 comes after the 5m breakpoint at tools\.0/);
  });

  it('marks nodes behind a branch route as conditional and leaves them out of the total minimum', async () => {
    const workflow = withNodes(
      [
        { id: 'input', type: 'input', config: {} },
        { id: 'route', type: 'branch', config: { on: '{{input.kind}}', routes: [{ label: 'bug', when: { equals: 'bug' } }, { label: 'other', when: { contains: '' } }] } },
        { id: 'triage', type: 'prompt', config: { messages: [{ role: 'user', content: 'Triage: {{input.text}}' }] } },
        { id: 'reply', type: 'prompt', config: { messages: [{ role: 'user', content: 'Reply to: {{input.text}} ({{route.route}})' }] } },
      ],
      [['input', 'route'], ['route', 'triage', 'bug'], ['input', 'reply'], ['route', 'reply']],
      { kind: { type: 'string' }, text: { type: 'string' } },
    );
    const estimate = await estimateWorkflow(workflow, { kind: 'bug', text: 'It crashes' }, { environment: buildEnvironment({ claude }) });
    const triage = estimate.nodes.find((node) => node.nodeId === 'triage');
    const reply = estimate.nodes.find((node) => node.nodeId === 'reply');
    expect(triage?.conditional).toBe(true);
    expect(reply?.conditional).toBe(false);
    expect(estimate.total.cost_min_usd).toBeCloseTo(reply?.cost_min_usd ?? NaN, 12);
    expect(estimate.total.cost_max_usd).toBeCloseTo((triage?.cost_max_usd ?? 0) + (reply?.cost_max_usd ?? 0), 12);
  });
});
