import { describe, expect, it } from 'vitest';
import type { BranchConfig } from '../../../shared/node-configs';
import { matchCondition } from '../../../server/engine/branch/match-condition';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude } from './helpers/fake-claude';
import { inputNode, outputNode, workflow } from './helpers/workflow-builder';

/** input → pick ─(label)→ <label>_out for every route: the completed output names the route taken. */
function branchFlow(config: BranchConfig) {
  const labels = config.routes.map((r) => r.label);
  return workflow(
    [inputNode, { id: 'pick', type: 'branch', config }, ...labels.map((label) => outputNode(`${label}_out`, '{{pick.route}}'))],
    ['input->pick', ...labels.map((label) => `pick:${label}->${label}_out`)],
  );
}

const NEVER = { equals: 'this value never appears' };

async function route(config: BranchConfig, input: Record<string, unknown>) {
  const { claude } = createFakeClaude(() => ({ content: [{ type: 'text', text: 'unused' }] }));
  return collect(branchFlow(config), input as never, { claude });
}

describe('branch: match mode', () => {
  it.each([
    [{ equals: 'refund' }, 'refund', true],
    [{ contains: 'money' }, 'I want my money back', true],
    [{ matches: '^\\d{3}-\\d{4}$' }, '555-1234', true],
    [{ matches: '^\\d{3}$' }, '5555', false],
    [{ json_path: '$.score', op: 'gte', value: 0.5 }, '{"score": 0.7}', true],
    [{ json_path: 'items.0.kind', op: 'eq', value: 'bug' }, '{"items": [{"kind": "bug"}]}', true],
    [{ json_path: '$.missing', op: 'exists' }, '{"score": 1}', false],
  ] as const)('%j on %s → %s', async (when, text, matched) => {
    const events = await route({ on: '{{input.text}}', routes: [{ label: 'hit', when }, { label: 'miss', when: NEVER }], default: 'miss' }, { text });
    const taken = matched ? 'hit' : 'miss';
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { [`${taken}_out`]: taken } } });
    expect(ofType(events, 'node.skipped').map((e) => e.nodeId)).toEqual([matched ? 'miss_out' : 'hit_out']);
  });

  it('takes the first matching route in order', async () => {
    const events = await route({ on: '{{input.text}}', routes: [{ label: 'first', when: { contains: 'a' } }, { label: 'second', when: { contains: 'a' } }] }, { text: 'a' });
    expect(terminal(events)).toMatchObject({ data: { outputs: { first_out: 'first' } } });
  });

  it('fails when nothing matches and there is no default', async () => {
    const events = await route({ on: '{{input.text}}', routes: [{ label: 'x', when: { equals: 'x' } }] }, { text: 'y' });
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'pick', error: { type: 'no_route' } } });
  });

  it('rejects an invalid regex, an over-long pattern and an over-long value with clear errors', () => {
    expect(() => matchCondition({ matches: '(unclosed' }, 'y', 'pick.config.routes.0.when')).toThrow(/pick.config.routes.0.when.matches: invalid regular expression/);
    expect(() => matchCondition({ matches: 'a'.repeat(300) }, 'y', 'w')).toThrow('the limit is 256');
    expect(() => matchCondition({ matches: 'a+' }, 'a'.repeat(20_000), 'w')).toThrow('at most 10000');
  });
});

describe('branch: claude mode', () => {
  it('forces choose_route with an enum of the labels where the model accepts forced tools', async () => {
    const flow = workflow(
      [
        inputNode,
        { id: 'pick', type: 'branch', config: { mode: 'claude', on: '{{input.text}}', routes: [{ label: 'billing', description: 'money' }, { label: 'tech' }] } },
        { id: 'bill', type: 'output', config: { value: 'billing!' } },
        { id: 'tech', type: 'output', config: { value: 'tech!' } },
      ],
      ['input->pick', 'pick:billing->bill', 'pick:tech->tech'],
    );
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'tool_use', id: 'toolu_r', name: 'choose_route', input: { route: 'tech' } }] }));
    const events = await collect({ ...flow, defaults: { model: 'claude-opus-4-6' } }, { text: 'my laptop is broken' }, { claude });
    expect(requests[0]?.body.tool_choice).toEqual({ type: 'tool', name: 'choose_route' });
    expect((requests[0]?.body.tools as { input_schema: unknown }[])[0]?.input_schema).toEqual({ type: 'object', properties: { route: { type: 'string', enum: ['billing', 'tech'] } }, required: ['route'], additionalProperties: false });
    expect(ofType(events, 'node.skipped').map((e) => e.nodeId)).toEqual(['bill']);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { tech: 'tech!' } } });
  });

  it('routes by structured output where forced tools are refused (the current Sonnet), reading the JSON text after any thinking', async () => {
    const flow = workflow(
      [
        inputNode,
        { id: 'pick', type: 'branch', config: { mode: 'claude', on: '{{input.text}}', routes: [{ label: 'billing' }, { label: 'tech' }] } },
        { id: 'bill', type: 'output', config: { value: 'billing!' } },
        { id: 'tech', type: 'output', config: { value: 'tech!' } },
      ],
      ['input->pick', 'pick:billing->bill', 'pick:tech->tech'],
    );
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'thinking', thinking: '', signature: 'sig' }, { type: 'text', text: '{"route":"billing"}' }] }));
    const events = await collect({ ...flow, defaults: { model: 'claude-sonnet-5-5' } }, { text: 'I was charged twice' }, { claude });
    expect(requests[0]?.body.tool_choice).toBeUndefined();
    expect(requests[0]?.body.tools).toBeUndefined();
    expect(requests[0]?.body.output_config).toEqual({ format: { type: 'json_schema', schema: { type: 'object', properties: { route: { type: 'string', enum: ['billing', 'tech'] } }, required: ['route'], additionalProperties: false } } });
    expect(ofType(events, 'node.skipped').map((e) => e.nodeId)).toEqual(['tech']);
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'pick');
    expect(completed?.data).toMatchObject({ output: { route: 'billing' }, thinking: { blocks: 1, hidden: true, display: 'omitted' } });
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { bill: 'billing!' } } });
  });

  it('an answer that is not one of the labels takes the default with a warning', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'text', text: '{"route":"sales"}' }] }));
    const flow = branchFlow({ mode: 'claude', on: 'x', routes: [{ label: 'a' }, { label: 'b' }], default: 'b', model: 'claude-opus-5-5' });
    const events = await collect(flow, {}, { claude });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'pick');
    expect(completed?.data.output).toEqual({ route: 'b' });
    expect(completed?.data.warnings?.[0]).toMatch(/did not pick a known route \("sales"\)/);
  });

  it('a route cut off at max_tokens (thinking counts against it) says what to change', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'thinking', thinking: '', signature: 's' }, { type: 'text', text: '{"rou' }], stop_reason: 'max_tokens' }));
    const flow = branchFlow({ mode: 'claude', on: 'x', routes: [{ label: 'a' }, { label: 'b' }], model: 'claude-sonnet-5-5' });
    const events = await collect(flow, {}, { claude });
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { error: { type: 'no_route', message: expect.stringContaining('cut off at max_tokens 1024; raise max_tokens or lower effort') } } });
  });
});
