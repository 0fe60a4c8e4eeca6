import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { RequestContext } from '../../../server/engine/build-request-params';
import { callClaude } from '../../../server/engine/call-claude';
import type { NodeContext, NodeRunner } from '../../../server/engine/node-runner';
import { registerRunner } from '../../../server/engine/nodes';
import { resolveStrict } from '../../../server/engine/render-strict';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { estimateWorkflow } from '../../../server/estimate/estimate-workflow';
import { buildEnvironment } from '../../../server/environment';
import { IN_HANDLE, OUT_HANDLE, registerNodeSpec, type NodeSpec } from '../../../shared/nodes';
import type { TraceEvent } from '../../../shared/trace-events';
import { validateWorkflow } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { useSimulatedClaude } from '../../helpers/use-simulated-claude';

/*
 * Two node types that exist only in this file, added the way the registries allow: a spec
 * (shared/nodes) and a runner (server/engine/nodes), nothing else. If the scheduler, the validator
 * or the estimator listed type names anywhere, these workflows would fail.
 *
 *   input ─→ shout (uppercase) ─→ pick (coin: routes) ─heads→ answer (prompt) ─→ out
 *                  │                                  └tails→ never (uppercase)      ↑
 *                  └────────→ poem (haiku: callsClaude) ─────────────────────────────┘
 */

interface UppercaseConfig {
  text: string;
}
interface CoinConfig {
  sides: string[];
}

const uppercaseSpec = {
  type: 'uppercase',
  label: 'Uppercase',
  description: 'Test-only: renders a template and upper-cases it.',
  configSchema: { type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', maxLength: 1000 } } },
  defaults: { text: '{{input}}' },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE] },
  outputFields: ['text'],
  capabilities: {},
  templates: (config: UppercaseConfig) => [{ path: ['text'], source: config.text, scope: 'run' }],
} as unknown as NodeSpec;

const uppercaseRunner = {
  type: 'uppercase',
  run: async (ctx: NodeContext) => {
    const { text } = ctx.node.config as unknown as UppercaseConfig;
    return { output: { text: String(resolveStrict(text, ctx.scope, `${ctx.node.id}.config.text`)).toUpperCase() } };
  },
} as unknown as NodeRunner;

/** Routes like a branch, but is not one: it declares `routes` and always takes its first side. */
const coinSpec = {
  type: 'coin',
  label: 'Coin',
  description: 'Test-only: always lands on its first side.',
  configSchema: { type: 'object', additionalProperties: false, required: ['sides'], properties: { sides: { type: 'array', minItems: 1, items: { type: 'string' } } } },
  defaults: { sides: ['heads', 'tails'] },
  ports: { inputs: [IN_HANDLE], outputs: [] },
  outputFields: ['route'],
  capabilities: { routes: (config: CoinConfig) => config.sides },
} as unknown as NodeSpec;

const coinRunner = {
  type: 'coin',
  run: async (ctx: NodeContext) => ({ output: { route: (ctx.node.config as unknown as CoinConfig).sides[0] ?? '' } }),
} as unknown as NodeRunner;

/** Calls Claude without being a conversation: it describes its one request, the run sends it and the estimate counts it. */
const haikuSpec = {
  type: 'haiku',
  label: 'Haiku',
  description: 'Test-only: asks Claude for a haiku about a template.',
  configSchema: { type: 'object', additionalProperties: false, required: ['about'], properties: { about: { type: 'string', maxLength: 1000 } } },
  defaults: { about: '{{input}}' },
  ports: { inputs: [IN_HANDLE], outputs: [OUT_HANDLE] },
  outputFields: ['text'],
  capabilities: { callsClaude: true },
  templates: (config: { about: string }) => [{ path: ['about'], source: config.about, scope: 'run' }],
} as unknown as NodeSpec;

function haikuRequest(ctx: RequestContext): MessageCreateParamsBase {
  const { about } = ctx.node.config as unknown as { about: string };
  const subject = String(resolveStrict(about, ctx.scope, `${ctx.node.id}.config.about`));
  return { model: 'claude-haiku-4-5', max_tokens: 60, messages: [{ role: 'user', content: `Write a haiku about: ${subject}` }] };
}

const haikuRunner = {
  type: 'haiku',
  firstRequest: haikuRequest,
  run: async (ctx: NodeContext) => {
    const message = await callClaude(ctx, haikuRequest(ctx));
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return { output: { text }, stop_reason: message.stop_reason, model: message.model };
  },
} as unknown as NodeRunner;

function workflow(): Workflow {
  const at = { x: 0, y: 0 };
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'added-types',
    name: 'added node types',
    inputs: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 200 },
    nodes: [
      { id: 'input', type: 'input', position: at, config: {} },
      { id: 'shout', type: 'uppercase', position: at, config: { text: 'please answer: {{input.question}}' } },
      { id: 'pick', type: 'coin', position: at, config: { sides: ['heads', 'tails'] } },
      { id: 'answer', type: 'prompt', position: at, config: { messages: [{ role: 'user', content: '{{shout.text}}' }] } },
      { id: 'never', type: 'uppercase', position: at, config: { text: '{{shout.text}}' } },
      { id: 'poem', type: 'haiku', position: at, config: { about: '{{shout.text}}' } },
      { id: 'out', type: 'output', position: at, config: { value: { answer: '{{answer.text}}', shout: '{{shout.text}}', poem: '{{poem.text}}' } } },
    ] as unknown as Workflow['nodes'],
    edges: [
      { id: 'e1', source: 'input', target: 'shout' },
      { id: 'e2', source: 'shout', target: 'pick' },
      { id: 'e3', source: 'pick', target: 'answer', sourceHandle: 'heads' },
      { id: 'e4', source: 'pick', target: 'never', sourceHandle: 'tails' },
      { id: 'e5', source: 'answer', target: 'out' },
      { id: 'e6', source: 'shout', target: 'poem' },
      { id: 'e7', source: 'poem', target: 'out' },
    ],
  };
}

const simulated = useSimulatedClaude({ maxRetries: 0 });
const undo: (() => void)[] = [];

beforeAll(() => {
  undo.push(registerNodeSpec(uppercaseSpec), registerRunner(uppercaseRunner), registerNodeSpec(coinSpec), registerRunner(coinRunner), registerNodeSpec(haikuSpec), registerRunner(haikuRunner));
});
afterAll(() => {
  for (const step of undo.reverse()) step();
});

describe('a node type added through the registries alone', () => {
  it('validates: its schema, template fields, output fields and routes come from its spec', () => {
    expect(validateWorkflow(workflow()).errors).toEqual([]);

    const broken = workflow();
    const shout = broken.nodes[1] as unknown as { config: Record<string, unknown> };
    const answer = broken.nodes[3] as unknown as { config: { messages: { content: string }[] } };
    shout.config.loud = true;
    answer.config.messages = [{ ...answer.config.messages[0], content: '{{shout.volume}} {{input.nope}}' }];
    broken.edges.push({ id: 'e9', source: 'pick', target: 'out', sourceHandle: 'edge' });
    const rules = validateWorkflow(broken).errors.map((issue) => `${issue.nodeId ?? issue.edgeId} ${issue.rule}`);
    expect(rules).toEqual(['shout schema.additionalProperties']);

    // With the schema fixed, the semantic stages speak.
    delete shout.config.loud;
    const semantic = validateWorkflow(broken).errors.map((issue) => `${issue.nodeId ?? issue.edgeId} ${issue.rule}`);
    expect(semantic).toEqual(expect.arrayContaining(['e9 branch.unknown_route', 'answer template.unknown_field', 'answer template.unknown_input']));
  });

  it('is still refused when misspelt: the known types listed include the added ones', () => {
    const typo = workflow();
    (typo.nodes[1] as unknown as { type: string }).type = 'upercase';
    const [issue] = validateWorkflow(typo).errors;
    expect(issue).toMatchObject({ rule: 'node.unknown_type', nodeId: 'shout' });
    expect(issue?.message).toContain('uppercase');
  });

  it('runs: the scheduler starts it by readiness and follows the route it declares', async () => {
    const events: TraceEvent[] = [];
    for await (const event of runWorkflow(workflow(), { question: 'why is the sky blue?' }, { claude: simulated.claude, runId: 'run_added' })) events.push(event);
    const terminal = events.at(-1);
    expect(terminal?.type).toBe('run.completed');
    const outputs = terminal?.type === 'run.completed' ? terminal.data.outputs : {};
    expect(outputs.out).toMatchObject({ shout: 'PLEASE ANSWER: WHY IS THE SKY BLUE?', poem: expect.stringMatching(/\S/) });
    const poem = events.find((event) => event.type === 'node.completed' && event.nodeId === 'poem');
    expect(poem?.type === 'node.completed' && poem.data.usage?.output_tokens).toBeGreaterThan(0);
    expect(events.find((event) => event.type === 'node.skipped')).toMatchObject({ nodeId: 'never', data: { reason: expect.stringContaining('route "tails" not taken') } });
    const bodies = simulated.messagePosts().map((post) => JSON.stringify(post.body));
    expect(bodies.filter((body) => body.includes('PLEASE ANSWER: WHY IS THE SKY BLUE?'))).toHaveLength(2);
  });

  it('is estimated: it costs nothing itself and what it outputs renders into the Claude node downstream', async () => {
    const estimate = await estimateWorkflow(workflow(), { question: 'why is the sky blue?' }, { environment: buildEnvironment({ claude: simulated.claude }) });
    expect(estimate.nodes.map((node) => node.nodeId).sort()).toEqual(['answer', 'poem']);
    for (const node of estimate.nodes) {
      expect(node.error, node.nodeId).toBeUndefined();
      expect(node.input_tokens).toBeGreaterThan(0);
    }
    const byId = new Map(estimate.nodes.map((node) => [node.nodeId, node]));
    expect(byId.get('answer')?.conditional).toBe(true);
    // The haiku node's own request, priced from its own model and max_tokens.
    expect(byId.get('poem')).toMatchObject({ conditional: false, model: 'claude-haiku-4-5', max_output_tokens: 60 });
  });
});
