import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { validateWorkflow } from '../../../shared/validate-workflow';
import { LIMITS } from '../../../shared/validation/limits';
import { edge, node, nodeById, tinyWith, tinyWorkflow } from './tiny-workflow';

interface RuleCase {
  rule: string;
  doc: () => unknown;
  path: string;
  nodeId?: string;
  edgeId?: string;
  severity?: 'error' | 'warning';
}

const ask = (workflow: Workflow) => nodeById(workflow, 'ask') as Extract<WorkflowNode, { type: 'prompt' }>;
const weatherTool = (id = 'weather', name = 'get_weather') =>
  node({ id, type: 'tool', config: { name, input_schema: { type: 'object', properties: { city: { type: 'string' } } }, implementation: { kind: 'mock', response: 'sunny' } } });
const thinker = (budget: number, maxTokens?: number) =>
  node({ id: 'think', type: 'thinking', config: { model: 'claude-sonnet-4-6', ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }), thinking: { type: 'enabled', budget_tokens: budget }, messages: [{ role: 'user', content: 'hi' }] } });
const withBranch = (change: (workflow: Workflow) => void = () => {}) =>
  tinyWith((w) => {
    w.nodes.push(node({ id: 'route', type: 'branch', config: { on: '{{ask.text}}', routes: [{ label: 'yes', when: { contains: 'yes' } }, { label: 'no', when: { contains: 'no' } }], default: 'no' } }));
    w.edges.push(edge('ask-route', 'ask', 'route'), edge('route-yes', 'route', 'done', { sourceHandle: 'yes' }), edge('route-no', 'route', 'done', { sourceHandle: 'no' }));
    change(w);
  });
const routeConfig = (workflow: Workflow) => (nodeById(workflow, 'route') as Extract<WorkflowNode, { type: 'branch' }>).config;

const CASES: RuleCase[] = [
  // Structure and limits, checked before the schema.
  { rule: 'security.forbidden_key', path: '/nodes/1/config/__proto__', doc: () => JSON.parse(JSON.stringify(tinyWorkflow()).replace('"messages"', '"__proto__":{"polluted":true},"messages"')) },
  { rule: 'security.forbidden_key', path: '/inputs/properties/constructor', doc: () => tinyWith((w) => { Object.defineProperty(w.inputs.properties, 'constructor', { value: { type: 'string' }, enumerable: true }); }) },
  { rule: 'limits.depth', path: `/samples${'/0'.repeat(LIMITS.depth)}`, doc: () => tinyWith((w) => { let deep: unknown = 1; for (let i = 0; i < 10_000; i += 1) deep = [deep]; (w as unknown as Record<string, unknown>).samples = deep; }) },
  { rule: 'limits.string_length', path: '/nodes/1/config/messages/0/content', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.content = 'x'.repeat(LIMITS.stringLength + 1); }) },
  { rule: 'limits.nodes', path: '/nodes', doc: () => tinyWith((w) => { for (let i = 0; i < LIMITS.nodes; i += 1) w.nodes.push(node({ id: `n${i}`, type: 'output', config: { value: 'x' } })); }) },
  { rule: 'limits.edges', path: '/edges', doc: () => tinyWith((w) => { for (let i = 0; i < LIMITS.edges; i += 1) w.edges.push(edge(`x${i}`, 'input', 'ask')); }) },
  // JSON Schema, mapped to nodes and edges.
  { rule: 'schema.type', path: '', doc: () => 'not a workflow' },
  { rule: 'schema.required', path: '', doc: () => { const w: Partial<Workflow> = tinyWorkflow(); delete w.nodes; return w; } },
  { rule: 'schema.const', path: '/format', doc: () => ({ ...tinyWorkflow(), format: 'other.format' }) },
  { rule: 'schema.minimum', nodeId: 'ask', path: '/nodes/1/config/max_tokens', doc: () => tinyWith((w) => { ask(w).config.max_tokens = 0; }) },
  { rule: 'schema.additionalProperties', nodeId: 'ask', path: '/nodes/1/config', doc: () => tinyWith((w) => { (ask(w).config as unknown as Record<string, unknown>).temperature = 0.5; }) },
  { rule: 'schema.pattern', nodeId: 'Bad-Id', path: '/nodes/1/id', doc: () => tinyWith((w) => { ask(w).id = 'Bad-Id'; }) },
  { rule: 'schema.required', edgeId: 'e2', path: '/edges/1', doc: () => tinyWith((w) => { delete (w.edges[1] as Partial<Workflow['edges'][number]>).target; }) },
  { rule: 'schema.oneOf', nodeId: 'done', path: '/nodes/2/config/value', doc: () => tinyWith((w) => { (nodeById(w, 'done').config as { value: unknown }).value = 42; }) },
  { rule: 'node.unknown_type', nodeId: 'ask', path: '/nodes/1/type', doc: () => tinyWith((w) => { (ask(w) as { type: string }).type = 'webhook'; }) },
  // Graph.
  { rule: 'node.duplicate_id', nodeId: 'ask', path: '/nodes/3/id', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'ask', type: 'output', config: { value: 'x' } })); }) },
  { rule: 'node.reserved_id', nodeId: 'secrets', path: '/nodes/2/id', doc: () => tinyWith((w) => { nodeById(w, 'done').id = 'secrets'; w.edges[1]!.target = 'secrets'; }) },
  { rule: 'edge.duplicate_id', edgeId: 'e1', path: '/edges/1/id', doc: () => tinyWith((w) => { w.edges[1]!.id = 'e1'; }) },
  { rule: 'edge.dangling', edgeId: 'e2', path: '/edges/1/target', doc: () => tinyWith((w) => { w.edges[1]!.target = 'ghost'; }) },
  { rule: 'edge.duplicate', severity: 'warning', edgeId: 'e3', path: '/edges/2', doc: () => tinyWith((w) => { w.edges.push(edge('e3', 'ask', 'done')); }) },
  { rule: 'edge.into_input', edgeId: 'back', path: '/edges/2/target', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'side', type: 'prompt', config: { messages: [{ role: 'user', content: 'x' }] } })); w.edges.push(edge('back', 'side', 'input')); }) },
  { rule: 'edge.from_output', edgeId: 'after', path: '/edges/2/source', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'later', type: 'output', config: { value: 'x' } })); w.edges.push(edge('after', 'done', 'later')); }) },
  { rule: 'edge.bad_handle', edgeId: 'e2', path: '/edges/1/targetHandle', doc: () => tinyWith((w) => { w.edges[1]!.targetHandle = 'side'; }) },
  { rule: 'graph.cycle', nodeId: 'ask', path: '/nodes/1', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'again', type: 'prompt', config: { messages: [{ role: 'user', content: 'x' }] } })); w.edges.push(edge('a1', 'ask', 'again'), edge('a2', 'again', 'ask')); }) },
  { rule: 'input.count', path: '/nodes', doc: () => tinyWith((w) => { w.nodes.shift(); w.edges.shift(); ask(w).config.messages[0]!.content = 'static'; }) },
  { rule: 'input.count', nodeId: 'second', path: '/nodes/3', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'second', type: 'input', config: {} })); }) },
  { rule: 'output.none', severity: 'warning', path: '/nodes', doc: () => tinyWith((w) => { w.nodes.pop(); w.edges.pop(); }) },
  // Templates.
  { rule: 'template.unknown_node', nodeId: 'done', path: '/nodes/2/config/value', doc: () => tinyWith((w) => { nodeById(w, 'done').config = { value: '{{ghost.text}}' }; }) },
  { rule: 'template.not_upstream', nodeId: 'ask', path: '/nodes/1/config/messages/0/content', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.content = '{{done}}'; }) },
  { rule: 'template.unknown_input', nodeId: 'ask', path: '/nodes/1/config/messages/0/content', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.content = '{{input.answer}}'; }) },
  { rule: 'template.unknown_field', nodeId: 'done', path: '/nodes/2/config/value', doc: () => tinyWith((w) => { nodeById(w, 'done').config = { value: '{{ask.txt}}' }; }) },
  { rule: 'template.args_outside_tool', nodeId: 'ask', path: '/nodes/1/config/messages/0/content', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.content = '{{args.city}}'; }) },
  { rule: 'template.secrets_whole', nodeId: 'ask', path: '/nodes/1/config/system/text', doc: () => tinyWith((w) => { ask(w).config.system = { text: 'keys: {{secrets}}' }; }) },
  { rule: 'template.literal', severity: 'warning', nodeId: 'ask', path: '/nodes/1/config/messages/0/content', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.content = '{{ a + b }}'; }) },
  {
    rule: 'template.tool_scope',
    nodeId: 'weather',
    path: '/nodes/3/config/implementation/url',
    doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'weather', type: 'tool', config: { name: 'w', input_schema: { type: 'object', properties: { city: { type: 'string' } } }, implementation: { kind: 'http', method: 'GET', url: 'https://example.com/{{input.question}}' } } })); w.edges.push(edge('t', 'weather', 'ask', { targetHandle: 'tools' })); }),
  },
  {
    rule: 'template.unknown_arg',
    nodeId: 'weather',
    path: '/nodes/3/config/implementation/url',
    doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'weather', type: 'tool', config: { name: 'w', input_schema: { type: 'object', properties: { city: { type: 'string' } } }, implementation: { kind: 'http', method: 'GET', url: 'https://example.com/{{args.town}}?key={{secrets.KEY}}' } } })); w.edges.push(edge('t', 'weather', 'ask', { targetHandle: 'tools' })); }),
  },
  // Prompt-like nodes.
  { rule: 'continue_from.not_upstream', nodeId: 'ask', path: '/nodes/1/config/continue_from', doc: () => tinyWith((w) => { ask(w).config.continue_from = 'done'; }) },
  { rule: 'continue_from.not_prompt', nodeId: 'ask', path: '/nodes/1/config/continue_from', doc: () => tinyWith((w) => { ask(w).config.continue_from = 'input'; }) },
  { rule: 'messages.first_role', nodeId: 'ask', path: '/nodes/1/config/messages/0/role', doc: () => tinyWith((w) => { ask(w).config.messages[0]!.role = 'assistant'; }) },
  { rule: 'output.schema_required', nodeId: 'ask', path: '/nodes/1/config/schema', doc: () => tinyWith((w) => { ask(w).config.output = 'json'; }) },
  { rule: 'output.schema_unused', severity: 'warning', nodeId: 'ask', path: '/nodes/1/config/schema', doc: () => tinyWith((w) => { ask(w).config.schema = { type: 'object' }; }) },
  { rule: 'output.invalid_schema', nodeId: 'ask', path: '/nodes/1/config/schema', doc: () => tinyWith((w) => { ask(w).config.output = 'json'; ask(w).config.schema = { type: 'objekt' }; }) },
  { rule: 'cache.too_many', nodeId: 'ask', path: '/nodes/1/config', doc: () => tinyWith((w) => { ask(w).config.system = { text: 's', cache: true }; ask(w).config.messages = [1, 2, 3, 4].map((n) => ({ role: n % 2 ? 'user' : 'assistant', content: `turn ${n}`, cache: true })); }) },
  { rule: 'model.unknown', severity: 'warning', nodeId: 'ask', path: '/nodes/1/config/model', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-imaginary-9'; }) },
  { rule: 'model.unknown', severity: 'warning', path: '/defaults/model', doc: () => tinyWith((w) => { w.defaults = { model: 'gpt-4' }; }) },
  { rule: 'model.max_tokens', nodeId: 'ask', path: '/nodes/1/config/max_tokens', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-haiku-4-5'; ask(w).config.max_tokens = 100_000; }) },
  // Thinking.
  { rule: 'thinking.budget', nodeId: 'think', path: '/nodes/3/config/thinking/budget_tokens', doc: () => tinyWith((w) => { w.nodes.push(thinker(1000, 4096)); w.edges.push(edge('t', 'input', 'think')); }) },
  { rule: 'thinking.budget', nodeId: 'think', path: '/nodes/3/config/thinking/budget_tokens', doc: () => tinyWith((w) => { w.nodes.push(thinker(2048)); w.edges.push(edge('t', 'input', 'think')); }) },
  { rule: 'model.thinking', nodeId: 'think', path: '/nodes/3/config/thinking/type', doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'think', type: 'thinking', config: { model: 'claude-haiku-4-5', thinking: { type: 'adaptive' }, messages: [{ role: 'user', content: 'hi' }] } })); w.edges.push(edge('t', 'input', 'think')); }) },
  // Tools.
  { rule: 'tool.bad_target', edgeId: 't', path: '/edges/2/target', doc: () => tinyWith((w) => { w.nodes.push(weatherTool()); w.edges.push(edge('t', 'weather', 'done', { targetHandle: 'tools' })); }) },
  { rule: 'tool.bad_target', edgeId: 't', path: '/edges/2/target', doc: () => tinyWith((w) => { w.nodes.push(weatherTool()); w.edges.push(edge('t', 'weather', 'ask')); }) },
  { rule: 'edge.bad_handle', edgeId: 't', path: '/edges/2/targetHandle', doc: () => tinyWith((w) => { w.edges.push(edge('t', 'input', 'ask', { targetHandle: 'tools' })); }) },
  { rule: 'tool.unattached', severity: 'warning', nodeId: 'weather', path: '/nodes/3', doc: () => tinyWith((w) => { w.nodes.push(weatherTool()); }) },
  { rule: 'tool.duplicate_name', nodeId: 'ask', path: '/nodes/1', doc: () => tinyWith((w) => { w.nodes.push(weatherTool('w1'), weatherTool('w2')); w.edges.push(edge('t1', 'w1', 'ask', { targetHandle: 'tools' }), edge('t2', 'w2', 'ask', { targetHandle: 'tools' })); }) },
  { rule: 'tool.input_schema', nodeId: 'weather', path: '/nodes/3/config/input_schema/type', doc: () => tinyWith((w) => { const tool = weatherTool(); (tool.config as { input_schema: object }).input_schema = { type: 'string' }; w.nodes.push(tool); w.edges.push(edge('t', 'weather', 'ask', { targetHandle: 'tools' })); }) },
  { rule: 'tool_choice.unknown_tool', nodeId: 'ask', path: '/nodes/1/config/tool_choice/name', doc: () => tinyWith((w) => { w.nodes.push(weatherTool()); w.edges.push(edge('t', 'weather', 'ask', { targetHandle: 'tools' })); ask(w).config.model = 'claude-sonnet-4-6'; ask(w).config.tool_choice = { type: 'tool', name: 'get_time' }; }) },
  { rule: 'tool_choice.forced_refused', nodeId: 'ask', path: '/nodes/1/config/tool_choice', doc: () => tinyWith((w) => { w.nodes.push(weatherTool()); w.edges.push(edge('t', 'weather', 'ask', { targetHandle: 'tools' })); ask(w).config.tool_choice = { type: 'any' }; }) },
  // What the model accepts (shared/claude-models facts).
  { rule: 'model.effort', nodeId: 'ask', path: '/nodes/1/config/effort', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-opus-4-6'; ask(w).config.effort = 'xhigh'; }) },
  { rule: 'model.thinking_effort', nodeId: 'ask', path: '/nodes/1/config/effort', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-opus-5'; ask(w).config.effort = 'max'; ask(w).config.thinking = { type: 'disabled' }; }) },
  { rule: 'model.retired', nodeId: 'ask', path: '/nodes/1/config/model', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-opus-4-1'; }) },
  { rule: 'model.deprecated', severity: 'warning', nodeId: 'ask', path: '/nodes/1/config/model', doc: () => tinyWith((w) => { ask(w).config.model = 'claude-sonnet-4-5'; }) },
  { rule: 'model.retired', path: '/defaults/model', doc: () => tinyWith((w) => { w.defaults = { model: 'claude-3-7-sonnet-20250219' }; }) },
  { rule: 'tool_choice.no_tools', severity: 'warning', nodeId: 'ask', path: '/nodes/1/config/tool_choice', doc: () => tinyWith((w) => { ask(w).config.tool_choice = { type: 'any' }; }) },
  // Branches.
  { rule: 'branch.unknown_route', edgeId: 'route-no', path: '/edges/4/sourceHandle', doc: () => withBranch((w) => { w.edges[4]!.sourceHandle = 'maybe'; }) },
  { rule: 'branch.unknown_route', edgeId: 'route-no', path: '/edges/4/sourceHandle', doc: () => withBranch((w) => { delete w.edges[4]!.sourceHandle; }) },
  { rule: 'branch.unknown_default', nodeId: 'route', path: '/nodes/3/config/default', doc: () => withBranch((w) => { routeConfig(w).default = 'maybe'; }) },
  { rule: 'branch.duplicate_route', nodeId: 'route', path: '/nodes/3/config/routes/1/label', doc: () => withBranch((w) => { routeConfig(w).routes[1]!.label = 'yes'; routeConfig(w).default = 'yes'; w.edges[4]!.sourceHandle = 'yes'; }) },
  { rule: 'branch.bad_regex', nodeId: 'route', path: '/nodes/3/config/routes/0/when/matches', doc: () => withBranch((w) => { routeConfig(w).routes[0]!.when = { matches: '(unclosed' }; }) },
  { rule: 'branch.missing_condition', severity: 'warning', nodeId: 'route', path: '/nodes/3/config/routes/0', doc: () => withBranch((w) => { delete routeConfig(w).routes[0]!.when; }) },
  { rule: 'branch.unused_route', severity: 'warning', nodeId: 'route', path: '/nodes/3/config/routes', doc: () => withBranch((w) => { w.edges.splice(4, 1); }) },
  // Vision.
  {
    rule: 'vision.bad_path',
    nodeId: 'look',
    path: '/nodes/3/config/images/0/path',
    doc: () => tinyWith((w) => { w.nodes.push(node({ id: 'look', type: 'vision', config: { images: [{ source: 'file', path: '../../etc/passwd' }], messages: [{ role: 'user', content: 'What is this?' }] } })); w.edges.push(edge('v', 'input', 'look')); }),
  },
  // Inputs and samples.
  { rule: 'inputs.invalid_schema', path: '/inputs/type', doc: () => tinyWith((w) => { w.inputs = { type: 'string' }; }) },
  { rule: 'inputs.invalid_schema', path: '/inputs', doc: () => tinyWith((w) => { w.inputs = { type: 'object', required: 'question' }; }) },
  { rule: 'sample.invalid', path: '/samples/0/input', doc: () => tinyWith((w) => { w.samples = [{ name: 'empty', input: {} }]; }) },
  { rule: 'sample.duplicate_name', path: '/samples/1/name', doc: () => tinyWith((w) => { w.samples = [{ name: 'a', input: { question: 'x' } }, { name: 'a', input: { question: 'y' } }]; }) },
];

describe('validateWorkflow: one tiny workflow per rule', () => {
  it('accepts the untouched tiny workflow without issues', () => {
    const result = validateWorkflow(tinyWorkflow());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.workflow?.id).toBe('tiny');
  });

  it.each(CASES.map((testCase) => [`${testCase.rule} at ${testCase.path || '(root)'}`, testCase] as const))('%s', (_name, testCase) => {
    const result = validateWorkflow(testCase.doc());
    const severity = testCase.severity ?? 'error';
    const all = [...result.errors, ...result.warnings];
    const match = all.find((issue) => issue.rule === testCase.rule && issue.path === testCase.path);
    expect(match, `issues were: ${JSON.stringify(all, null, 2)}`).toBeDefined();
    expect(match?.severity).toBe(severity);
    expect(match?.nodeId).toBe(testCase.nodeId);
    expect(match?.edgeId).toBe(testCase.edgeId);
    expect(match?.message.length).toBeGreaterThan(10);
    if (testCase.nodeId) expect(match?.message).toContain(testCase.nodeId);
    // The workflow breaks exactly this rule: no other kind of error shows up.
    expect(result.errors.filter((issue) => issue.rule !== testCase.rule)).toEqual([]);
    expect(result.valid).toBe(severity === 'warning');
    expect(result.workflow === undefined).toBe(severity === 'error');
  });
});
