import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRequestParams } from '../../../server/engine/build-request-params';
import { buildGraphIndex } from '../../../server/engine/graph-index';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { EFFORT_LEVELS, factsCatalog, THINKING_TYPES, type ModelProfile, type ThinkingType } from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';
import type { TraceEvent } from '../../../shared/trace-events';
import { validateWorkflow } from '../../../shared/validate-workflow';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';
import { inputNode, outputNode, workflow } from '../../unit/engine/helpers/workflow-builder';

/**
 * Issue 11, "Done when": for every model of the facts table, the requests the engine builds are
 * accepted by the simulator, and what the table says a model refuses, the simulator refuses. The
 * facts table (shared/claude-models) and the simulator's catalogue (server/simulator/catalog) are
 * written independently from the docs, so this matrix is where the two readings must agree:
 * - thinking types: platform.claude.com/docs/en/build-with-claude/extended-thinking and each
 *   model's what's-new page ("thinking.type.enabled" is not supported for this model...);
 * - effort levels: /docs/en/build-with-claude/effort;
 * - forced tool_choice: /docs/en/models/opus-5-5/whats-new-opus-5-5 ("Forced tool use returns an error").
 */

const simulated = useSimulatedClaude({ maxRetries: 0 });
// The SDK warns on every request to a deprecated model; the matrix sends thousands on purpose.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterAll(() => vi.restoreAllMocks());
const catalog = factsCatalog();
const MODELS = catalog.list().filter((model) => model.lifecycle !== 'retired');
const PNG = readFileSync(join(import.meta.dirname, '../../../workflows/assets/login-form.png')).toString('base64');

type NodeSpec = Omit<WorkflowNode, 'position'>;
const ask = [{ role: 'user', content: 'Answer briefly: {{input.question}}' }];
const calculator: NodeSpec = { id: 'calc', type: 'tool', config: { name: 'calc', description: 'Arithmetic.', input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] }, implementation: { kind: 'builtin', name: 'calculator' } } } as NodeSpec;

/** A thinking setting the model accepts, as a user would pick it: adaptive where offered, else a budget. */
function acceptedThinking(model: ModelProfile): ThinkingSetting {
  if (model.thinking_types.includes('adaptive')) return { type: 'adaptive', display: 'summarized' };
  return { type: 'enabled', budget_tokens: 1024 };
}

/** One workflow per node type, with its defaults and with typical settings. */
function nodeCases(model: ModelProfile): { name: string; flow: Workflow }[] {
  const m = model.id;
  const effort = model.facts?.default_effort;
  const single = (node: NodeSpec, extraNodes: NodeSpec[] = [], extraEdges: string[] = []) => {
    const flow = workflow([inputNode, ...extraNodes, node, outputNode('out', `{{${node.id}.text}}`)], ['input->n', 'n->out', ...extraEdges]);
    return { ...flow, defaults: { model: m, max_tokens: 4096 } };
  };
  const cases = [
    { name: 'prompt, defaults', flow: single({ id: 'n', type: 'prompt', config: { messages: ask } } as NodeSpec) },
    { name: 'prompt with a tool, defaults', flow: single({ id: 'n', type: 'prompt', config: { messages: [{ role: 'user', content: 'Use calc for 6*7, then say {{input.question}}' }] } } as NodeSpec, [calculator], ['calc=>n']) },
    {
      name: 'prompt, JSON output',
      flow: single({ id: 'n', type: 'prompt', config: { messages: ask, output: 'json', schema: { type: 'object', properties: { answer: { type: 'string', minLength: 1 } }, required: ['answer'] } } } as NodeSpec),
    },
    { name: 'thinking, defaults', flow: single({ id: 'n', type: 'thinking', config: { messages: ask, thinking: acceptedThinking(model) } } as NodeSpec) },
    {
      name: 'vision, defaults',
      flow: single({ id: 'n', type: 'vision', config: { messages: [{ role: 'user', content: 'Describe the form. {{input.question}}' }], images: [{ source: 'base64', media_type: 'image/png', data: PNG }] } } as NodeSpec),
    },
  ];
  if (effort) cases.push({ name: `prompt, effort ${effort}`, flow: single({ id: 'n', type: 'prompt', config: { messages: ask, effort } } as NodeSpec) });
  const branch = workflow(
    [
      inputNode,
      { id: 'n', type: 'branch', config: { mode: 'claude', on: '{{input.question}}', routes: [{ label: 'billing', description: 'money questions' }, { label: 'other' }], default: 'other', max_tokens: 4096 } } as NodeSpec,
      outputNode('paid', 'billing'),
      outputNode('rest', 'other'),
    ],
    ['input->n', 'n:billing->paid', 'n:other->rest'],
  );
  cases.push({ name: 'claude-mode branch, defaults', flow: { ...branch, defaults: { model: m, max_tokens: 4096 } } });
  return cases;
}

async function terminalOf(flow: Workflow): Promise<TraceEvent | undefined> {
  let last: TraceEvent | undefined;
  for await (const event of runWorkflow(flow, { question: 'Why was I charged twice?' }, { claude: simulated.claude, models: catalog, runId: 'run_matrix' })) last = event;
  return last;
}

describe.each(MODELS.map((model) => [model.id, model] as const))('%s', (_id, model) => {
  it.each(nodeCases(model).map((entry) => [entry.name, entry.flow] as const))('%s: valid, and the simulator accepts what the engine sends', async (_name, flow) => {
    expect(validateWorkflow(flow, { models: catalog }).errors).toEqual([]);
    const terminal = await terminalOf(flow);
    expect(terminal?.type === 'run.failed' ? terminal.data.error : undefined).toBeUndefined();
    expect(terminal?.type).toBe('run.completed');
    expect(simulated.messagePosts().length).toBeGreaterThan(0);
  });

  const base = { model: model.id, max_tokens: 4096, messages: [{ role: 'user' as const, content: 'Hello' }] };
  const refusedThinking = THINKING_TYPES.filter((type) => !model.thinking_types.includes(type));
  if (refusedThinking.length > 0) {
    it.each(refusedThinking)('thinking "%s", which the table says it refuses, is refused by the simulator', async (type: ThinkingType) => {
      const thinking = type === 'enabled' ? { type, budget_tokens: 1024 } : { type };
      await expect(simulated.claude.messages.create({ ...base, thinking } as never)).rejects.toMatchObject({ status: 400, type: 'invalid_request_error', message: expect.stringContaining(`thinking.type.${type}`) });
    });
  }

  const refusedEffort = EFFORT_LEVELS.filter((level) => !model.effort_levels.includes(level));
  if (refusedEffort.length > 0) {
    it.each(refusedEffort)('effort "%s", which the table says it refuses, is refused by the simulator', async (level) => {
      const refusal = simulated.claude.messages.create({ ...base, output_config: { effort: level } });
      await expect(refusal).rejects.toMatchObject({ status: 400, type: 'invalid_request_error', message: expect.stringMatching(/effort/) });
    });
  }

  if (model.facts?.forced_tool_choice === 'refused') {
    it.each(['any', 'tool'] as const)('forced tool_choice "%s" is refused, as the table says', async (type) => {
      const tools = [{ name: 'calc', input_schema: { type: 'object' as const, properties: {} } }];
      const tool_choice = type === 'tool' ? { type, name: 'calc' } : { type };
      await expect(simulated.claude.messages.create({ ...base, tools, tool_choice })).rejects.toMatchObject({ status: 400, type: 'invalid_request_error', message: expect.stringMatching(/tool_choice/) });
    });
  }
});

/**
 * "A workflow that trellis validate passes without errors never gets a 400 from the simulator for a
 * reason the docs describe": every combination of effort, thinking and tool_choice on every model.
 * Whatever the validator lets through, the engine builds and the simulator must accept.
 */
describe('the validator passes only what the simulator accepts', () => {
  const efforts = [undefined, ...EFFORT_LEVELS];
  const thinkings: (ThinkingSetting | undefined)[] = [undefined, { type: 'adaptive' }, { type: 'adaptive', display: 'summarized' }, { type: 'enabled', budget_tokens: 2048 }, { type: 'between_tools' }, { type: 'disabled' }];
  const choices = [undefined, { type: 'auto' }, { type: 'any' }, { type: 'tool', name: 'calc' }, { type: 'none' }];

  it.each(MODELS.map((model) => [model.id] as const))('%s', async (modelId) => {
    let accepted = 0;
    for (const effort of efforts) {
      for (const thinking of thinkings) {
        for (const tool_choice of choices) {
          const config: Record<string, unknown> = { messages: ask, model: modelId, max_tokens: 4096 };
          if (effort) config.effort = effort;
          if (thinking) config.thinking = thinking;
          if (tool_choice) config.tool_choice = tool_choice;
          const flow = workflow([inputNode, calculator, { id: 'n', type: 'prompt', config } as NodeSpec, outputNode('out', '{{n.text}}')], ['input->n', 'calc=>n', 'n->out']);
          if (validateWorkflow(flow, { models: catalog }).errors.length > 0) continue;
          const node = flow.nodes.find((candidate) => candidate.id === 'n') as WorkflowNode;
          const { params } = buildRequestParams({ node, workflow: flow, graph: buildGraphIndex(flow), scope: { input: { question: 'Why?' } }, outputs: new Map() }, { models: catalog });
          const answer = await simulated.claude.messages.create({ ...params, stream: false }).catch((error: unknown) => error);
          const refusal = answer instanceof APIError ? `${answer.status} ${answer.message}` : undefined;
          expect(refusal, JSON.stringify({ effort, thinking, tool_choice })).toBeUndefined();
          accepted += 1;
        }
      }
    }
    // Each model accepts at least its defaults; a validator that refused everything would prove nothing.
    expect(accepted).toBeGreaterThan(0);
  });
});
