import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../../server/engine/run-workflow';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { factsCatalog } from '../../../shared/claude-models';
import { documentedProblems } from '../../helpers/documented-problems';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';

/**
 * Stop reasons scripted on the simulator (docs/simulator.md, "Scripting": `respond.stop_reason`)
 * and continue_from across models, end to end over HTTP with the real SDK. Each request is checked
 * against the documented rules, not only against what today's simulator accepts.
 */
const simulated = useSimulatedClaude({ maxRetries: 0 });

function flowOf(nodes: Omit<WorkflowNode, 'position'>[], edges: [string, string][]): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'outcomes',
    name: 'outcomes',
    inputs: { type: 'object', properties: { topic: { type: 'string' } } },
    defaults: { model: 'claude-sonnet-5-5', max_tokens: 512 },
    nodes: [{ id: 'input', type: 'input', config: {} }, ...nodes].map((node) => ({ ...node, position: { x: 0, y: 0 } }) as WorkflowNode),
    edges: edges.map(([source, target], index) => ({ id: `e${index}`, source, target })),
  };
}

const catalog = factsCatalog();

async function run(workflow: Workflow): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, { topic: 'tides' }, { claude: simulated.claude, runId: 'run_outcomes' })) events.push(event);
  // Whatever the simulator answered, every request must be valid by the documented rules.
  for (const post of simulated.messagePosts()) {
    const body = post.body as Record<string, unknown>;
    const profile = catalog.find(String(body.model));
    expect(profile && documentedProblems(body, profile)).toEqual([]);
  }
  return events;
}

const ask = (id: string, content: string, extra: Record<string, unknown> = {}) => ({ id, type: 'prompt', config: { messages: [{ role: 'user', content }], ...extra } }) as Omit<WorkflowNode, 'position'>;
const single = (extra: Record<string, unknown> = {}) => flowOf([ask('ask', 'Explain {{input.topic}}.', extra), { id: 'out', type: 'output', config: { value: '{{ask.text}}' } }], [['input', 'ask'], ['ask', 'out']]);

describe('stop reasons on the simulator', () => {
  it('refusal ends the node failed with type "refusal", not as an answer', async () => {
    const stop_details = { type: 'refusal', category: 'cyber', explanation: 'Asks for working exploit code.' } as const;
    simulated.sim.script([{ match: { lastUserText: 'Explain tides' }, respond: { content: [{ type: 'text', text: 'I can’t help with that.' }], stop_reason: 'refusal', stop_details } }]);
    const events = await run(single());
    expect(events.some((e) => e.type === 'node.completed' && e.nodeId === 'ask')).toBe(false);
    // The API's stop_details reach the trace: what a user needs to see why.
    expect(events.at(-1)).toMatchObject({
      type: 'run.failed',
      data: { nodeId: 'ask', error: { type: 'refusal', refusal: { category: 'cyber', explanation: 'Asks for working exploit code.' }, message: expect.stringContaining('category cyber') } },
    });
  });

  it('model_context_window_exceeded ends the node failed with its own type, not as a truncated success', async () => {
    simulated.sim.script([{ match: { lastUserText: 'Explain tides' }, respond: { content: [{ type: 'text', text: 'Tides are' }], stop_reason: 'model_context_window_exceeded' } }]);
    const events = await run(single());
    expect(events.some((e) => e.type === 'node.completed' && e.nodeId === 'ask')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'run.failed', data: { nodeId: 'ask', error: { type: 'context_window_exceeded' } } });
  });

  it('pause_turn sends the paused turn back as it is, as the final assistant turn, and the turn then completes (the documented way to continue)', async () => {
    // A turn pauses mid server-tool use (stop-reasons page: "pause_turn ... send the response back as-is").
    const paused = [
      { type: 'text', text: 'Looking it up.' },
      { type: 'server_tool_use', id: 'srvtoolu_01', name: 'web_search', input: { query: 'tides' } },
    ];
    simulated.sim.script([{ match: { lastUserText: 'Explain tides' }, respond: { content: paused, stop_reason: 'pause_turn' }, times: 1 }]);
    const events = await run(single());
    const posts = simulated.messagePosts();
    expect(posts).toHaveLength(2);
    const resent = (posts[1]?.body as { messages: { role: string; content: unknown }[] }).messages;
    expect(resent.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(resent[1]?.content).toEqual(paused);
    expect(events.at(-1)?.type, JSON.stringify(events.at(-1)?.data)).toBe('run.completed');
  });
});

describe('continue_from across models on the simulator', () => {
  const chain = (first: Record<string, unknown>, second: Record<string, unknown>) =>
    flowOf(
      [ask('plan', 'Plan an essay about {{input.topic}}.', first), ask('write', 'Now write it.', { continue_from: 'plan', ...second }), { id: 'out', type: 'output', config: { value: '{{write.text}}' } }],
      [['input', 'plan'], ['plan', 'write'], ['write', 'out']],
    );
  const thinkingBlocksIn = (body: unknown) => (JSON.stringify(body).match(/"type":"(redacted_)?thinking"/g) ?? []).length;

  it('another model: the carried conversation goes without thinking blocks, with a note', async () => {
    const events = await run(chain({ model: 'claude-opus-5-5', thinking: { type: 'adaptive', display: 'summarized' } }, { model: 'claude-sonnet-5-5' }));
    expect(events.at(-1)?.type, JSON.stringify(events.at(-1)?.data)).toBe('run.completed');
    const [plan, write] = simulated.messagePosts().map((r) => r.body as { model: string; messages: unknown[] });
    expect(plan?.model).toBe('claude-opus-5-5');
    expect(write?.model).toBe('claude-sonnet-5-5');
    expect(write?.messages).toHaveLength(3);
    expect(thinkingBlocksIn(write)).toBe(0);
    const planned = events.find((e) => e.type === 'node.completed' && e.nodeId === 'plan');
    const written = events.find((e) => e.type === 'node.completed' && e.nodeId === 'write');
    // Only a note when the source really thought (the simulator thinks when asked to).
    if (planned?.type === 'node.completed' && planned.data.thinking) {
      expect(written?.type === 'node.completed' && written.data.notes?.[0]).toMatch(/dropped \d+ thinking block\(s\).*claude-opus-5-5 → claude-sonnet-5-5/);
    }
  });

  it('the same model, system and tools: thinking blocks are carried byte for byte', async () => {
    const events = await run(chain({ model: 'claude-opus-5-5', thinking: { type: 'adaptive', display: 'summarized' } }, { model: 'claude-opus-5-5', thinking: { type: 'adaptive', display: 'summarized' } }));
    expect(events.at(-1)?.type, JSON.stringify(events.at(-1)?.data)).toBe('run.completed');
    const [plan, write] = simulated.messagePosts().map((r) => r.body as { messages: unknown[] });
    const planned = events.find((e) => e.type === 'node.completed' && e.nodeId === 'plan');
    const answer = planned?.type === 'node.completed' ? (planned.data.output as { messages: unknown[] }).messages.at(-1) : undefined;
    expect(write?.messages.slice(0, 2)).toEqual([...(plan?.messages ?? []), answer]);
    expect(thinkingBlocksIn(write)).toBe(thinkingBlocksIn(answer));
  });
});
