import { describe, expect, it } from 'vitest';
import { buildRequestParams } from '../../../server/engine/build-request-params';
import { buildGraphIndex } from '../../../server/engine/graph-index';
import type { WorkflowNode } from '../../../shared/workflow-types';
import { liveCatalog, type ModelCapabilities } from '../../../shared/claude-models';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

/** A model the Models API lists and the facts table does not know: it runs on its capabilities. */
const LAB: ModelCapabilities = {
  id: 'claude-lab-7',
  display_name: 'Claude Lab 7',
  created_at: '2026-11-01T00:00:00Z',
  line: null,
  lifecycle: 'active',
  deprecated_at: null,
  retires_at: null,
  max_input_tokens: 200_000,
  max_tokens: 32_000,
  thinking_types: ['enabled', 'disabled'],
  effort_levels: [],
  structured_outputs: false,
  image_input: false,
  pdf_input: false,
};
const models = liveCatalog([LAB]);

describe('the engine asks the catalogue it is given', () => {
  it('no model anywhere: the current Sonnet', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'ok' }] }));
    const flow = workflow([inputNode, prompt('p', 'Hi'), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    delete (flow as { defaults?: unknown }).defaults;
    await collect(flow, {}, { claude });
    expect(requests[0]?.body.model).toBe('claude-sonnet-5-5');
  });

  it('a live model without doc facts and without structured outputs: the branch offers choose_route, never forced', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'tool_use', id: 'toolu_1', name: 'choose_route', input: { route: 'b' } }] }));
    const flow = workflow(
      [inputNode, { id: 'pick', type: 'branch', config: { mode: 'claude', model: 'claude-lab-7', on: 'text', routes: [{ label: 'a' }, { label: 'b' }] } }, outputNode('a', 'A'), outputNode('b', 'B')],
      ['input->pick', 'pick:a->a', 'pick:b->b'],
    );
    const events = await collect(flow, {}, { claude, models });
    expect(requests[0]?.body.tool_choice).toEqual({ type: 'auto' });
    expect(requests[0]?.body.output_config).toBeUndefined();
    expect(JSON.stringify(requests[0]?.body.messages)).toContain('Answer by calling choose_route.');
    expect(ofType(events, 'node.completed').find((e) => e.nodeId === 'pick')?.data.output).toEqual({ route: 'b' });
    expect(terminal(events).type).toBe('run.completed');
  });

  it('a setting the live capabilities refuse is a config_error naming the fix, before any request', () => {
    // Built directly: a run would stop earlier, at the validator given the same catalogue.
    const flow = workflow([inputNode, prompt('p', 'Hi', { model: 'claude-lab-7', effort: 'low' }), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    const node = flow.nodes.find((candidate) => candidate.id === 'p') as WorkflowNode;
    const build = () => buildRequestParams({ node, workflow: flow, graph: buildGraphIndex(flow), scope: {}, outputs: new Map() }, { models });
    expect(build).toThrow(expect.objectContaining({ traceError: { type: 'config_error', message: 'p.config.effort: claude-lab-7 takes no effort setting; remove effort' } }));
  });

  it('JSON output on a model without structured outputs and without facts: the json_output tool is offered, not forced', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'tool_use', id: 'toolu_j', name: 'json_output', input: { n: 1 } }] }));
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    const flow = workflow([inputNode, prompt('p', 'Count', { model: 'claude-lab-7', output: 'json', schema }), outputNode('out', '{{p.json.n}}')], ['input->p', 'p->out']);
    const events = await collect(flow, {}, { claude, models });
    expect(requests[0]?.body.tool_choice).toBeUndefined();
    expect((requests[0]?.body.tools as { name: string }[]).map((tool) => tool.name)).toEqual(['json_output']);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 1 } } });
  });
});
