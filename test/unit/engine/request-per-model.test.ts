import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { buildRequestParams, type RequestPlan } from '../../../server/engine/build-request-params';
import { buildGraphIndex } from '../../../server/engine/graph-index';
import { NodeError } from '../../../server/engine/node-error';
import { factsCatalog } from '../../../shared/claude-models';
import { thinkingNode } from '../../../shared/nodes/thinking';
import type { WorkflowNode } from '../../../shared/workflow-types';
import { documentedProblems } from '../../helpers/documented-problems';
import { inputNode, workflow } from './helpers/workflow-builder';

/**
 * The exact first request of each Claude node type, per model profile of the facts catalogue:
 * defaults and typical settings. Documented rules these pin (../shared/claude-2026-11.md):
 * forced tool_choice refused on Opus/Sonnet 5.5, refused with thinking elsewhere; `enabled`
 * thinking refused from 4.7 on; Haiku 4.5 takes no effort and no adaptive thinking.
 */
const catalog = factsCatalog();
const calc = { id: 'calc', type: 'tool', config: { name: 'calc', input_schema: { type: 'object', properties: { expression: { type: 'string' } } }, implementation: { kind: 'builtin', name: 'calculator' } } } as const;

function planFor(node: Omit<WorkflowNode, 'position'>, model: string, withTool = false, leadBlocks?: ContentBlockParam[]): RequestPlan {
  const flow = workflow([inputNode, ...(withTool ? [calc as unknown as Omit<WorkflowNode, 'position'>] : []), { ...node, config: { ...node.config, model } } as Omit<WorkflowNode, 'position'>], ['input->n', ...(withTool ? ['calc=>n'] : [])]);
  const built = flow.nodes.find((candidate) => candidate.id === 'n') as WorkflowNode;
  const plan = buildRequestParams({ node: built, workflow: flow, graph: buildGraphIndex(flow), scope: { input: { text: 'my invoice is wrong' } }, outputs: new Map() }, { models: catalog, ...(leadBlocks ? { leadBlocks } : {}) });
  // Every plan this file builds must be documented-valid for its model, whatever else it asserts.
  const profile = catalog.find(model);
  if (profile) expect(documentedProblems(plan.params as unknown as Record<string, unknown>, profile)).toEqual([]);
  return plan;
}

function configError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof NodeError && error.traceError.type === 'config_error') return error.message;
    throw error;
  }
  throw new Error('expected a config_error');
}

const USER = [{ role: 'user', content: 'Answer: my invoice is wrong' }];
const prompt = (extra: Record<string, unknown> = {}) => ({ id: 'n', type: 'prompt', config: { messages: [{ role: 'user', content: 'Answer: {{input.text}}' }], ...extra } }) as Omit<WorkflowNode, 'position'>;
const thinking = (extra: Record<string, unknown> = {}) => ({ id: 'n', type: 'thinking', config: { ...thinkingNode.defaults, messages: [{ role: 'user', content: 'Answer: {{input.text}}' }], ...extra } }) as Omit<WorkflowNode, 'position'>;
const branch = (extra: Record<string, unknown> = {}) =>
  ({ id: 'n', type: 'branch', config: { mode: 'claude', on: '{{input.text}}', routes: [{ label: 'billing', description: 'money' }, { label: 'tech' }], default: 'tech', ...extra } }) as Omit<WorkflowNode, 'position'>;
const ROUTE_SCHEMA = { type: 'object', properties: { route: { type: 'string', enum: ['billing', 'tech'] } }, required: ['route'], additionalProperties: false };
const BRANCH_TEXT = 'Choose the route that fits the text best.\n\nRoutes:\n- billing: money\n- tech\n\nText:\nmy invoice is wrong';

const ALL = ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-4-6', 'claude-haiku-4-5'];

describe('prompt node', () => {
  it.each(ALL)('%s: defaults send no thinking or effort (the model default applies)', (model) => {
    expect(planFor(prompt(), model).params).toEqual({ model, max_tokens: 1024, messages: USER });
  });

  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-4-6'])('%s: effort and adaptive thinking go out as configured', (model) => {
    const { params, thinking: plan } = planFor(prompt({ effort: 'low', thinking: { type: 'adaptive', display: 'summarized' } }), model);
    expect(params).toEqual({ model, max_tokens: 1024, messages: USER, output_config: { effort: 'low' }, thinking: { type: 'adaptive', display: 'summarized' } });
    expect(plan).toEqual({ on: true, display: 'summarized' });
  });

  it('claude-haiku-4-5: a budget within max_tokens; effort is refused with the fix', () => {
    const { params } = planFor(prompt({ max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 } }), 'claude-haiku-4-5');
    expect(params).toEqual({ model: 'claude-haiku-4-5', max_tokens: 4096, messages: USER, thinking: { type: 'enabled', budget_tokens: 2048 } });
    expect(configError(() => planFor(prompt({ effort: 'high' }), 'claude-haiku-4-5'))).toMatch(/n\.config\.effort: claude-haiku-4-5 takes no effort setting; remove effort/);
  });

  it('the display in force is the model default when the node does not set it', () => {
    expect(planFor(prompt(), 'claude-opus-5-5').thinking).toEqual({ on: true, display: 'omitted' });
    expect(planFor(prompt(), 'claude-opus-4-6').thinking).toEqual({ on: false });
    expect(planFor(prompt({ thinking: { type: 'adaptive' } }), 'claude-opus-4-6').thinking).toEqual({ on: true, display: 'summarized' });
  });

  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'])('%s: JSON output sends the schema in the API subset', (model) => {
    const schema = { type: 'object', properties: { title: { type: 'string', maxLength: 40 } }, required: ['title'] };
    const { params, jsonTool } = planFor(prompt({ output: 'json', schema }), model);
    expect(params.output_config).toEqual({
      format: { type: 'json_schema', schema: { type: 'object', properties: { title: { type: 'string', description: 'Also required: maxLength: 40.' } }, required: ['title'], additionalProperties: false } },
    });
    expect(params.tools).toBeUndefined();
    expect(jsonTool).toBeUndefined();
  });

  describe('a user-set forced tool_choice', () => {
    it.each(['claude-opus-5-5', 'claude-sonnet-5-5'])('%s refuses it always: config_error naming "auto"', (model) => {
      const message = configError(() => planFor(prompt({ tool_choice: { type: 'any' } }), model, true));
      expect(message).toBe(`n.config.tool_choice: ${model} refuses a forced tool_choice ("any"); use tool_choice "auto" and name the tool in the prompt`);
    });

    it('claude-haiku-5-5 refuses it while thinking (its default), accepts it with thinking disabled', () => {
      expect(configError(() => planFor(prompt({ tool_choice: { type: 'tool', name: 'calc' } }), 'claude-haiku-5-5', true))).toMatch(/while thinking is on; set thinking to \{"type": "disabled"\}/);
      const { params } = planFor(prompt({ tool_choice: { type: 'tool', name: 'calc' }, thinking: { type: 'disabled' } }), 'claude-haiku-5-5', true);
      expect(params.tool_choice).toEqual({ type: 'tool', name: 'calc' });
      expect(params.thinking).toEqual({ type: 'disabled' });
    });

    it.each(['claude-opus-4-6', 'claude-haiku-4-5'])('%s accepts it without thinking', (model) => {
      expect(planFor(prompt({ tool_choice: { type: 'any', disable_parallel_tool_use: true } }), model, true).params.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    });
  });
});

describe('thinking node (defaults: adaptive, display summarized, max_tokens 4096)', () => {
  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-4-6'])('%s: the defaults are sent as they are', (model) => {
    expect(planFor(thinking(), model).params).toEqual({ model, max_tokens: 4096, messages: USER, thinking: { type: 'adaptive', display: 'summarized' } });
  });

  it('claude-haiku-4-5 takes no adaptive thinking: config_error listing what it takes', () => {
    expect(configError(() => planFor(thinking(), 'claude-haiku-4-5'))).toBe('n.config.thinking.type: claude-haiku-4-5 does not accept thinking "adaptive"; use one of "enabled", "disabled"');
  });

  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'])('%s: a budget ("enabled") is refused with the adaptive + effort fix, never rewritten', (model) => {
    expect(configError(() => planFor(thinking({ thinking: { type: 'enabled', budget_tokens: 2048 } }), model))).toBe(
      `n.config.thinking.type: ${model} does not accept thinking "enabled"; use {"type": "adaptive"} and control depth with effort`,
    );
  });

  it('claude-opus-4-6: a budget must stay below max_tokens', () => {
    expect(configError(() => planFor(thinking({ max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 2048 } }), 'claude-opus-4-6'))).toMatch(/budget_tokens: must be below max_tokens \(2048 >= 2048\)/);
  });

  it('claude-sonnet-5-5: between_tools is refused above effort high (the ceiling), with the fix', () => {
    expect(planFor(thinking({ thinking: { type: 'between_tools' }, effort: 'high' }), 'claude-sonnet-5-5').params.thinking).toEqual({ type: 'between_tools' });
    expect(configError(() => planFor(thinking({ thinking: { type: 'between_tools' }, effort: 'max' }), 'claude-sonnet-5-5'))).toMatch(/only at effort "high" or lower \(effort is "max"\); set effort to "high" or lower/);
  });

  it('claude-haiku-5-5: disabled is refused at an effort above high', () => {
    expect(configError(() => planFor(thinking({ thinking: { type: 'disabled' }, effort: 'xhigh' }), 'claude-haiku-5-5'))).toMatch(/accepts thinking "disabled" only at effort "high"/);
  });
});

describe('vision node', () => {
  const image: ContentBlockParam = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } };
  const vision = (extra: Record<string, unknown> = {}) =>
    ({ id: 'n', type: 'vision', config: { images: [{ source: 'file', path: 'a.png' }], messages: [{ role: 'user', content: 'Describe: {{input.text}}' }], ...extra } }) as Omit<WorkflowNode, 'position'>;

  it.each(ALL)('%s: the image first, then the text; settings as configured', (model) => {
    const effort = model === 'claude-haiku-4-5' ? {} : { effort: 'high' };
    const { params } = planFor(vision(effort), model, false, [image]);
    expect(params).toEqual({
      model,
      max_tokens: 1024,
      messages: [{ role: 'user', content: [image, { type: 'text', text: 'Describe: my invoice is wrong' }] }],
      ...(model === 'claude-haiku-4-5' ? {} : { output_config: { effort: 'high' } }),
    });
  });
});

describe('claude-mode branch', () => {
  it.each(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5'])('%s: forced tools refused (or thinking on by default): the route comes back as structured output', (model) => {
    const { params, routeBy } = planFor(branch(), model);
    expect(params).toEqual({ model, max_tokens: 1024, messages: [{ role: 'user', content: BRANCH_TEXT }], output_config: { format: { type: 'json_schema', schema: ROUTE_SCHEMA } } });
    expect(routeBy).toBe('json');
  });

  it.each(['claude-opus-4-6', 'claude-haiku-4-5'])('%s: the forced choose_route tool', (model) => {
    const { params, routeBy } = planFor(branch(), model);
    expect(params).toEqual({
      model,
      max_tokens: 1024,
      messages: [{ role: 'user', content: BRANCH_TEXT }],
      tools: [{ name: 'choose_route', description: 'Pick exactly one route for the text.', input_schema: ROUTE_SCHEMA }],
      tool_choice: { type: 'tool', name: 'choose_route' },
    });
    expect(routeBy).toBe('tool');
  });

  it('claude-haiku-5-5 with thinking disabled: forcing is accepted again, so the tool is forced', () => {
    const { params, routeBy } = planFor(branch({ thinking: { type: 'disabled' }, effort: 'low' }), 'claude-haiku-5-5');
    expect(params.tool_choice).toEqual({ type: 'tool', name: 'choose_route' });
    expect(params.thinking).toEqual({ type: 'disabled' });
    expect(params.output_config).toEqual({ effort: 'low' });
    expect(routeBy).toBe('tool');
  });

  it('claude-opus-4-6 with adaptive thinking: not forced (forced + thinking is refused), structured output with the effort', () => {
    const { params, routeBy } = planFor(branch({ thinking: { type: 'adaptive' }, effort: 'medium' }), 'claude-opus-4-6');
    expect(params.tool_choice).toBeUndefined();
    expect(params.tools).toBeUndefined();
    expect(params.output_config).toEqual({ effort: 'medium', format: { type: 'json_schema', schema: ROUTE_SCHEMA } });
    expect(routeBy).toBe('json');
  });
});

describe('models the catalogue does not know', () => {
  it('settings go out as given, and the engine forces nothing itself', () => {
    const { params, routeBy } = planFor(branch({ effort: 'high' }), 'claude-future-9');
    expect(params.tool_choice).toBeUndefined();
    expect(params.output_config).toEqual({ effort: 'high', format: { type: 'json_schema', schema: ROUTE_SCHEMA } });
    expect(routeBy).toBe('json');
  });
});

describe('the documented-rules check these tests rely on can fail', () => {
  it('flags a forced tool on Opus 5.5, a budget on Sonnet 5.5, an open object and sampling', () => {
    const opus = catalog.find('claude-opus-5-5');
    const sonnet = catalog.find('claude-sonnet-5-5');
    if (!opus || !sonnet) throw new Error('facts rows missing');
    expect(documentedProblems({ model: opus.id, max_tokens: 10, tools: [{}], tool_choice: { type: 'any' }, temperature: 1 }, opus)).toEqual([
      'temperature is refused under API version 2026-10-21',
      'forced tool_choice any is refused by claude-opus-5-5 (thinking on)',
    ]);
    expect(documentedProblems({ model: sonnet.id, max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, output_config: { format: { schema: { type: 'object' } } } }, sonnet)).toEqual([
      'thinking.type enabled is refused by claude-sonnet-5-5',
      'output_config.format.schema: object without additionalProperties false',
    ]);
  });
});
