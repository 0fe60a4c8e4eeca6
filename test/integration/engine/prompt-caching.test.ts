import { describe, expect, it } from 'vitest';
import { buildRequestParams } from '../../../server/engine/build-request-params';
import { buildGraphIndex } from '../../../server/engine/graph-index';
import { runWorkflow } from '../../../server/engine/run-workflow';
import type { PromptConfig } from '../../../shared/node-configs';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';
import { catalogWith } from '../../unit/engine/helpers/test-catalog';
import type { ModelCatalog } from '../../../shared/claude-models';

const simulated = useSimulatedClaude({ maxRetries: 0 });

/** Well over the 1,024-token minimum, so a breakpoint after it really writes the cache. */
const LONG_GUIDE = `Review guide. ${Array.from({ length: 1500 }, (_, index) => `rule${index % 50}`).join(' ')}`;
const LABEL_SCHEMA = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'] } as const;

function workflowOf(nodes: { id: string; type: WorkflowNode['type']; config: unknown }[], edges: [string, string, string?][]): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'caching',
    name: 'caching',
    inputs: { type: 'object', properties: { topic: { type: 'string' } } },
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 256 },
    nodes: [{ id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} }, ...nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } }) as WorkflowNode)],
    edges: edges.map(([source, target, targetHandle], index) => ({ id: `e${index}`, source, target, ...(targetHandle ? { targetHandle } : {}) })),
  };
}

async function run(workflow: Workflow, models?: ModelCatalog): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, { topic: 'caching' }, { claude: simulated.claude, runId: 'run_cache', ...(models ? { models } : {}) })) events.push(event);
  return events;
}

const messageBodies = () => simulated.messagePosts().map((r) => r.body as Record<string, unknown>);
const breakpointsIn = (body: unknown) => (JSON.stringify(body).match(/"cache_control"/g) ?? []).length;
const completedOf = (events: TraceEvent[], nodeId: string) => {
  const event = events.find((candidate) => candidate.type === 'node.completed' && candidate.nodeId === nodeId);
  if (event?.type !== 'node.completed') throw new Error(`${nodeId} did not complete: ${JSON.stringify(events.at(-1))}`);
  return event.data;
};

describe('prompt caching on the simulator', () => {
  it('continue_from does not carry the earlier node’s breakpoints: 4 + 2 breakpoints is not a 400', async () => {
    const cached = (role: 'user' | 'assistant', content: string) => ({ role, content, cache: true });
    const workflow = workflowOf(
      [
        { id: 'first', type: 'prompt', config: { system: { text: 'Be brief.', cache: true }, messages: [cached('user', 'One: {{input.topic}}'), cached('assistant', 'Noted.'), cached('user', 'Two.')] } },
        { id: 'second', type: 'prompt', config: { continue_from: 'first', system: { text: 'Be briefer.', cache: true }, messages: [cached('user', 'Three.')] } },
        { id: 'out', type: 'output', config: { value: '{{second.text}}' } },
      ],
      [['input', 'first'], ['first', 'second'], ['second', 'out']],
    );
    const events = await run(workflow);
    expect(events.at(-1)?.type).toBe('run.completed');
    const [first, second] = messageBodies();
    expect(breakpointsIn(first)).toBe(4);
    // second's own system prompt and message; first's turns come along without theirs.
    expect(breakpointsIn(second)).toBe(2);
    expect(JSON.stringify((second?.messages as unknown[]).slice(0, 3))).toBe(JSON.stringify((first?.messages as unknown[]).map(withoutCacheControl)));
  });

  it('cache_tools_ttl "1h" marks the tools 1h, so a 1h system prompt after them is accepted', async () => {
    const workflow = workflowOf(
      [
        { id: 'ask', type: 'prompt', config: { cache_tools: true, cache_tools_ttl: '1h', system: { text: LONG_GUIDE, cache: true, cache_ttl: '1h' }, messages: [{ role: 'user', content: 'Look up {{input.topic}}' }] } },
        { id: 'lookup', type: 'tool', config: { name: 'lookup', description: 'Look a topic up.', input_schema: { type: 'object', properties: { q: { type: 'string' } } }, implementation: { kind: 'mock', response: 'found' } } },
        { id: 'out', type: 'output', config: { value: '{{ask.text}}' } },
      ],
      [['input', 'ask'], ['lookup', 'ask', 'tools'], ['ask', 'out']],
    );
    const events = await run(workflow);
    expect(events.at(-1)?.type).toBe('run.completed');
    const tools = messageBodies()[0]?.tools as { name: string; cache_control?: unknown }[];
    expect(tools.at(-1)).toMatchObject({ name: 'lookup', cache_control: { type: 'ephemeral', ttl: '1h' } });
  });

  it('the json_output tool carries the cache_tools breakpoint, and the validator’s count of 5 is the API’s', async () => {
    // A model without structured outputs answers JSON through the json_output tool.
    const models = catalogWith('claude-haiku-4-5', { structured_outputs: false });
    const config = (messages: number): PromptConfig => ({
      model: 'claude-haiku-4-5',
      output: 'json',
      schema: LABEL_SCHEMA,
      cache_tools: true,
      system: { text: 'Label the topic.', cache: true },
      messages: Array.from({ length: messages }, (_, index) => ({ role: index % 2 ? 'assistant' : 'user', content: index % 2 ? 'Noted.' : `Part ${index}: {{input.topic}}`, cache: true })),
    });
    const three = workflowOf([{ id: 'label', type: 'prompt', config: config(1) }, { id: 'out', type: 'output', config: { value: '{{label.json.label}}' } }], [['input', 'label'], ['label', 'out']]);
    expect((await run(three, models)).at(-1)?.type).toBe('run.completed');
    const sent = messageBodies()[0];
    expect((sent?.tools as { name: string; cache_control?: unknown }[]).at(-1)).toMatchObject({ name: 'json_output', cache_control: { type: 'ephemeral' } });
    expect(breakpointsIn(sent)).toBe(3);

    const five = workflowOf([{ id: 'label', type: 'prompt', config: config(3) }, { id: 'out', type: 'output', config: { value: '{{label.json.label}}' } }], [['input', 'label'], ['label', 'out']]);
    const refused = (await run(five, models)).at(-1);
    expect(refused?.type === 'run.failed' && refused.data.error.message).toMatch(/cache\.too_many|5 cache breakpoints/);
    // What the engine would have sent, sent anyway: the API refuses it too.
    const node = five.nodes.find((candidate) => candidate.id === 'label') as WorkflowNode;
    const { params } = buildRequestParams({ node, workflow: five, graph: buildGraphIndex(five), scope: { input: { topic: 'caching' } }, outputs: new Map() }, { models });
    await expect(simulated.claude.messages.create({ ...params, stream: false })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/maximum of 4 blocks with cache_control/) });
  });

  it('prices a message-level 1h write at 2× and a 5m write at 1.25× from the API’s split usage', async () => {
    const workflow = workflowOf(
      [
        { id: 'review', type: 'prompt', config: { messages: [{ role: 'user', content: LONG_GUIDE, cache: true, cache_ttl: '1h' }, { role: 'assistant', content: `Understood. ${LONG_GUIDE}`, cache: true }, { role: 'user', content: 'Review {{input.topic}}.' }] } },
        { id: 'out', type: 'output', config: { value: '{{review.text}}' } },
      ],
      [['input', 'review'], ['review', 'out']],
    );
    const events = await run(workflow);
    const { usage, cost_usd } = completedOf(events, 'review');
    const split = usage?.cache_creation;
    expect(split?.ephemeral_1h_input_tokens).toBeGreaterThan(1000);
    expect(split?.ephemeral_5m_input_tokens).toBeGreaterThan(1000);
    expect((split?.ephemeral_1h_input_tokens ?? 0) + (split?.ephemeral_5m_input_tokens ?? 0)).toBe(usage?.cache_creation_input_tokens);
    // Sonnet 4.6: $3/M input, $15/M output.
    const expected = ((usage?.input_tokens ?? 0) * 3 + (split?.ephemeral_1h_input_tokens ?? 0) * 3 * 2 + (split?.ephemeral_5m_input_tokens ?? 0) * 3 * 1.25 + (usage?.output_tokens ?? 0) * 15) / 1_000_000;
    expect(cost_usd).toBeCloseTo(expected, 12);
    const terminal = events.at(-1);
    expect(terminal?.type === 'run.completed' && terminal.data.cost_usd).toBeCloseTo(expected, 12);
  });
});

function withoutCacheControl(message: unknown): unknown {
  const { content, ...rest } = message as { content: unknown };
  if (!Array.isArray(content)) return message;
  return { ...rest, content: content.map((block: Record<string, unknown>) => Object.fromEntries(Object.entries(block).filter(([key]) => key !== 'cache_control'))) };
}
