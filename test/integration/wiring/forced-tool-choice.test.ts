import { describe, expect, it } from 'vitest';
import type { ToolChoiceConfig } from '../../../shared/node-configs';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';
import { catalogWith } from '../../unit/engine/helpers/test-catalog';
import type { ModelCatalog } from '../../../shared/claude-models';

const simulated = useSimulatedClaude({ maxRetries: 0 });

const FORECAST = 'Hail storm, 3 degrees, wind from the north-east';

/**
 *   input ──▶ ask ──▶ out
 *              ▲ tools
 *          forecast (mock)
 */
function forecastWorkflow(toolChoice: ToolChoiceConfig, extra: Record<string, unknown> = {}): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'forced-forecast',
    name: 'Forced forecast',
    inputs: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 400 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'What should I wear in {{input.city}} today?' }], tool_choice: toolChoice, max_tool_rounds: 3, ...extra } },
      {
        id: 'forecast',
        type: 'tool',
        position: { x: 200, y: 160 },
        config: {
          name: 'forecast',
          description: 'Today’s weather for a city.',
          input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          implementation: { kind: 'mock', response: FORECAST },
        },
      },
      { id: 'out', type: 'output', position: { x: 400, y: 0 }, config: { value: { answer: '{{ask.text}}', stop: '{{ask.stop_reason}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'forecast', target: 'ask', targetHandle: 'tools' },
      { id: 'e3', source: 'ask', target: 'out' },
    ],
  };
}

async function run(workflow: Workflow, models?: ModelCatalog): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, { city: 'Oslo' }, { claude: simulated.claude, runId: 'run_forced', ...(models ? { models } : {}) })) events.push(event);
  return events;
}

function toolChoicesSent(): unknown[] {
  return simulated.messagePosts().map((r) => (r.body as { tool_choice?: unknown }).tool_choice);
}

describe('a forced tool_choice in the tool loop', () => {
  it('forces the named tool on the first round only, then lets Claude answer from its result', async () => {
    const events = await run(forecastWorkflow({ type: 'tool', name: 'forecast' }));

    const end = events.at(-1);
    expect(end?.type).toBe('run.completed');
    expect(events.filter((event) => event.type === 'node.tool_call')).toHaveLength(1);
    const outputs = (end as Extract<TraceEvent, { type: 'run.completed' }>).data.outputs as { out: { answer: string; stop: string } };
    expect(outputs.out.stop).toBe('end_turn');
    expect(outputs.out.answer).toContain('Hail storm');
    expect(toolChoicesSent()).toEqual([{ type: 'tool', name: 'forecast' }, { type: 'auto' }]);
  });

  it('"any" becomes "auto" after the first round and keeps disable_parallel_tool_use', async () => {
    const events = await run(forecastWorkflow({ type: 'any', disable_parallel_tool_use: true }));

    expect(events.at(-1)?.type).toBe('run.completed');
    expect(events.filter((event) => event.type === 'node.tool_call')).toHaveLength(1);
    expect(toolChoicesSent()).toEqual([
      { type: 'any', disable_parallel_tool_use: true },
      { type: 'auto', disable_parallel_tool_use: true },
    ]);
  });

  // No documented model lacks structured outputs; a live model without them (catalogue row below) still gets the forced tool.
  it('the JSON-output tool stays forced: its call is the final answer', async () => {
    const workflow = forecastWorkflow({ type: 'auto' });
    // No tools attached and a model without structured outputs: the answer comes through the forced json_output tool.
    workflow.nodes = workflow.nodes.filter((node) => node.id !== 'forecast');
    workflow.edges = workflow.edges.filter((edge) => edge.id !== 'e2');
    const ask = workflow.nodes.find((node) => node.id === 'ask') as Extract<Workflow['nodes'][number], { type: 'prompt' }>;
    ask.config = { model: 'claude-haiku-4-5-20251001', messages: ask.config.messages, output: 'json', schema: { type: 'object', properties: { garment: { type: 'string' } }, required: ['garment'] } };

    // Haiku 4.5 has structured outputs in the docs; a catalogue row without them gets the tool.
    const events = await run(workflow, catalogWith('claude-haiku-4-5-20251001', { structured_outputs: false }));

    expect(events.at(-1)?.type).toBe('run.completed');
    const completed = events.find((event) => event.type === 'node.completed' && event.nodeId === 'ask') as Extract<TraceEvent, { type: 'node.completed' }>;
    expect((completed.data.output as { json: { garment: unknown } }).json.garment).toEqual(expect.any(String));
    expect(toolChoicesSent()).toEqual([{ type: 'tool', name: 'json_output' }]);
  });
});
