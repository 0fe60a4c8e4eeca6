import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';

const simulated = useSimulatedClaude({ maxRetries: 2 });

async function run(workflow: Workflow, input: unknown, extra: Partial<Parameters<typeof runWorkflow>[2]> = {}): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, input as never, { claude: simulated.claude, runId: 'run_sim', ...extra })) events.push(event);
  return events;
}

/** input → ask (prompt) → out */
const simple: Workflow = {
  format: 'trellis.workflow',
  version: 1,
  id: 'simple',
  name: 'simple',
  inputs: { type: 'object', properties: { topic: { type: 'string' } } },
  defaults: { model: 'claude-sonnet-4-6', max_tokens: 512 },
  nodes: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
    { id: 'ask', type: 'prompt', position: { x: 0, y: 0 }, config: { messages: [{ role: 'user', content: 'Write two sentences about {{input.topic}}.' }] } },
    { id: 'out', type: 'output', position: { x: 0, y: 0 }, config: { value: '{{ask.text}}' } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'ask' },
    { id: 'e2', source: 'ask', target: 'out' },
  ],
};

describe('engine behaviour against the simulator', () => {
  it('a 429 followed by 200 is retried by the SDK and the run completes', async () => {
    simulated.sim.injectFault({ kind: 'status', status: 429, retryAfterMs: 1 }, { times: 1 });
    const events = await run(simple, { topic: 'rivers' });
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(simulated.messagePosts().map((r) => [r.status, r.retryCount])).toEqual([
      [429, 0],
      [200, 1],
    ]);
  });

  it('a mid-stream error before the first delta is retried once', async () => {
    simulated.sim.injectFault({ kind: 'mid_stream_error', afterDeltas: 0, errorType: 'overloaded_error' }, { times: 1 });
    const events = await run(simple, { topic: 'rivers' });
    expect(events.at(-1)?.type).toBe('run.completed');
    expect(simulated.messagePosts()).toHaveLength(2);
  });

  it('cancel aborts the in-flight HTTP request (the simulator sees the client close)', async () => {
    simulated.sim.injectFault({ kind: 'slow_first_token', ms: 60_000 }, { times: 1 });
    const controller = new AbortController();
    const events: TraceEvent[] = [];
    for await (const event of runWorkflow(simple, { topic: 'x' }, { claude: simulated.claude, runId: 'run_cancel', signal: controller.signal })) {
      events.push(event);
      if (event.type === 'node.started' && event.nodeId === 'ask') {
        while (simulated.messagePosts().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        controller.abort();
      }
    }
    expect(events.at(-1)?.type).toBe('run.canceled');
    for (let i = 0; i < 200 && !simulated.messagePosts()[0]?.clientClosed; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(simulated.messagePosts()[0]?.clientClosed).toBe(true);
  });

  it('thinking blocks passed back in a thinking + tool loop pass the simulator\'s signature checks', async () => {
    const workflow: Workflow = {
      ...simple,
      id: 'think-tools',
      nodes: [
        simple.nodes[0] as Workflow['nodes'][number],
        {
          id: 'calc',
          type: 'tool',
          position: { x: 0, y: 0 },
          config: { name: 'calculator', description: 'Evaluate arithmetic', input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] }, implementation: { kind: 'builtin', name: 'calculator' } },
        },
        { id: 'ask', type: 'thinking', position: { x: 0, y: 0 }, config: { max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Use the calculator to compute 12 * 7 for {{input.topic}}.' }] } },
        simple.nodes[2] as Workflow['nodes'][number],
      ],
      edges: [...simple.edges, { id: 'e3', source: 'calc', target: 'ask', targetHandle: 'tools' }],
    };
    const events = await run(workflow, { topic: 'a recipe' });
    expect(events.at(-1)?.type, JSON.stringify(events.at(-1)?.data)).toBe('run.completed');
    const calls = events.filter((e) => e.type === 'node.tool_call');
    expect(calls.length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'node.delta' && e.data.kind === 'thinking')).toBe(true);
    const second = simulated.messagePosts()[1]?.body as { messages: { role: string; content: { type: string }[] }[] };
    expect(second.messages[1]?.role).toBe('assistant');
    expect(second.messages[1]?.content[0]?.type).toBe('thinking');
    expect(simulated.messagePosts().every((r) => r.status === 200)).toBe(true);
  });
});
