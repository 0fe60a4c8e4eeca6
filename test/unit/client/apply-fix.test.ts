import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../client/src/store/app-store';
import type { ThinkingConfig } from '../../../shared/node-configs';
import type { Workflow } from '../../../shared/workflow-types';

const workflow: Workflow = {
  format: 'trellis.workflow',
  version: 1,
  id: 'fixable',
  name: 'Fixable',
  inputs: { type: 'object', properties: {} },
  defaults: { model: 'claude-opus-4-6' },
  nodes: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
    { id: 'think', type: 'thinking', position: { x: 300, y: 0 }, config: { model: 'claude-opus-5-5', messages: [{ role: 'user', content: 'Hi' }], effort: 'xhigh', thinking: { type: 'enabled', budget_tokens: 2048 } } },
  ],
  edges: [{ id: 'e1', source: 'input', target: 'think' }],
};

const fix = {
  label: 'Use adaptive thinking',
  changes: [
    { path: '/nodes/1/config/thinking', value: { type: 'adaptive' } },
    { path: '/nodes/1/config/effort' },
  ],
};

let store: AppStore;
const state = () => store.getState();
beforeEach(() => {
  store = createAppStore();
  store.getState().openDocument(workflow, 'fixable');
});

describe('applyFix', () => {
  it('applies every change of a fix as one undoable edit', () => {
    state().selectNode('think');
    const inputNode = state().nodes[0];
    expect(state().applyFix(fix).ok).toBe(true);
    expect(state().nodes[1]!.data.config).toEqual({ model: 'claude-opus-5-5', messages: [{ role: 'user', content: 'Hi' }], thinking: { type: 'adaptive' } });
    // Untouched nodes keep their objects; the fixed node keeps its selection.
    expect(state().nodes[0]).toBe(inputNode);
    expect(state().nodes[1]!.selected).toBe(true);
    expect(state().dirty).toBe(true);
    expect(state().toWorkflow().nodes[1]).toEqual({ ...workflow.nodes[1], config: { model: 'claude-opus-5-5', messages: [{ role: 'user', content: 'Hi' }], thinking: { type: 'adaptive' } } });

    state().undo();
    expect(state().toWorkflow()).toEqual(workflow);
    state().redo();
    expect(state().nodes[1]!.data.config).not.toHaveProperty('effort');
  });

  it('changes workflow fields outside the graph too', () => {
    expect(state().applyFix({ label: 'Use Sonnet 5.5', changes: [{ path: '/defaults/model', value: 'claude-sonnet-5-5' }] }).ok).toBe(true);
    expect(state().meta.defaults).toEqual({ model: 'claude-sonnet-5-5' });
    expect(state().edges).toBe(state().past.at(-1)!.edges);
    state().undo();
    expect(state().meta.defaults).toEqual({ model: 'claude-opus-4-6' });
  });

  it('leaves the document and its history alone when the fix no longer applies', () => {
    const result = state().applyFix({ label: 'stale', changes: [{ path: '/nodes/1/config/effort' }, { path: '/nodes/7/config/effort' }] });
    expect(result.ok).toBe(false);
    expect(state().toWorkflow()).toEqual(workflow);
    expect(state().past).toEqual([]);
    expect(state().dirty).toBe(false);
  });

  it('is a separate undo step from typing in the same field just before', () => {
    const config = state().nodes[1]!.data.config;
    state().updateConfig<'thinking'>('think', { ...(config as ThinkingConfig), effort: 'max' }, 'effort');
    state().applyFix({ label: 'Use high effort', changes: [{ path: '/nodes/1/config/effort', value: 'high' }] });
    state().undo();
    expect((state().nodes[1]!.data.config as { effort?: string }).effort).toBe('max');
  });
});
