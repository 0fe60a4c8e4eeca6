import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../client/src/store/app-store';
import type { Workflow } from '../../../shared/workflow-types';

const chain: Workflow = {
  format: 'trellis.workflow',
  version: 1,
  id: 'chain',
  name: 'Chain',
  inputs: { type: 'object', properties: { topic: { type: 'string' } } },
  nodes: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
    { id: 'draft', type: 'prompt', position: { x: 300, y: 0 }, config: { messages: [{ role: 'user', content: 'Write about {{input.topic}}' }] } },
  ],
  edges: [{ id: 'e1', source: 'input', target: 'draft' }],
};

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
  store.getState().openDocument(chain, 'chain');
});

const ids = () => store.getState().nodes.map((node) => node.id);
const state = () => store.getState();

describe('document undo and redo', () => {
  it('undoes and redoes adding a node', () => {
    const id = state().addNode('output', { x: 600, y: 0 });
    expect(id).toBe('output_1');
    expect(ids()).toEqual(['input', 'draft', 'output_1']);
    expect(state().dirty).toBe(true);
    state().undo();
    expect(ids()).toEqual(['input', 'draft']);
    state().redo();
    expect(ids()).toEqual(['input', 'draft', 'output_1']);
    expect(state().nodes[2]!.data.config).toEqual({ value: '{{input}}' });
  });

  it('makes a whole drag one undo step', () => {
    state().beginMove();
    for (const x of [310, 340, 380]) state().onNodesChange([{ type: 'position', id: 'draft', position: { x, y: 20 }, dragging: true }]);
    state().onNodesChange([{ type: 'position', id: 'draft', position: { x: 400, y: 20 }, dragging: false }]);
    expect(state().nodes[1]!.position).toEqual({ x: 400, y: 20 });
    state().undo();
    expect(state().nodes[1]!.position).toEqual({ x: 300, y: 0 });
    state().redo();
    expect(state().nodes[1]!.position).toEqual({ x: 400, y: 20 });
  });

  it('undoes a connection and refuses one that canConnect rejects', () => {
    state().addNode('output', { x: 600, y: 0 });
    const verdict = state().connect({ source: 'draft', target: 'output_1', sourceHandle: 'out', targetHandle: 'in' });
    expect(verdict).toEqual({ ok: true });
    // Default handles are left out, as the file format implies them.
    expect(state().edges.at(-1)).toEqual({ id: 'e_1', source: 'draft', target: 'output_1' });
    const cycle = state().connect({ source: 'draft', target: 'input', sourceHandle: null, targetHandle: null });
    expect(cycle.ok).toBe(false);
    expect(state().edges).toHaveLength(2);
    state().undo();
    expect(state().edges.map((edge) => edge.id)).toEqual(['e1']);
    state().redo();
    expect(state().edges.map((edge) => edge.id)).toEqual(['e1', 'e_1']);
  });

  it('undoes deleting a selected node together with its edges', () => {
    state().selectNode('draft');
    state().deleteSelection();
    expect(ids()).toEqual(['input']);
    expect(state().edges).toEqual([]);
    state().undo();
    expect(ids()).toEqual(['input', 'draft']);
    expect(state().edges.map((edge) => edge.id)).toEqual(['e1']);
    state().redo();
    expect(ids()).toEqual(['input']);
  });

  it('groups typing in one field into a single undo step', () => {
    const base = state().nodes[1]!.data.config;
    for (const content of ['W', 'Wr', 'Wri']) state().updateConfig('draft', { ...base, messages: [{ role: 'user', content }] } as never, 'messages.0');
    state().undo();
    expect(state().nodes[1]!.data.config).toEqual(base);
  });

  it('drops the redo branch after a new edit', () => {
    state().addNode('output', { x: 600, y: 0 });
    state().undo();
    state().addNode('branch', { x: 600, y: 200 });
    state().redo();
    expect(ids()).toEqual(['input', 'draft', 'branch_1']);
  });

  it('pastes copies with fresh ids and their inner edges', () => {
    state().onNodesChange([
      { type: 'select', id: 'input', selected: true },
      { type: 'select', id: 'draft', selected: true },
    ]);
    state().copySelection();
    state().paste();
    expect(ids()).toEqual(['input', 'draft', 'input_1', 'draft_1']);
    expect(state().edges.at(-1)).toMatchObject({ source: 'input_1', target: 'draft_1' });
    expect(state().nodes[3]!.position).toEqual({ x: 340, y: 40 });
    state().undo();
    expect(ids()).toEqual(['input', 'draft']);
  });

  it('round-trips to the same workflow document', () => {
    expect(state().toWorkflow()).toEqual(chain);
  });
});
