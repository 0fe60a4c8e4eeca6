import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { canConnect, type ConnectionVerdict } from '../../../shared/graph';
import { getNodeSpec, IN_HANDLE, OUT_HANDLE, TOOL_HANDLE } from '../../../shared/nodes';
import type { NodeConfigByType } from '../../../shared/node-configs';
import type { IssueFix } from '../../../shared/validation/workflow-issue';
import type { NodeType, Position, Workflow } from '../../../shared/workflow-types';
import { applyJsonChanges, type ChangeResult } from './apply-json-changes';
import { autoLayout } from './auto-layout';
import { blankWorkflow } from './blank-workflow';
import type { DocumentSnapshot, FlowEdge, FlowNode, WorkflowMeta } from './flow-types';
import { uniqueId } from './unique-id';
import { flowToWorkflow, workflowToFlow } from './workflow-to-flow';

const HISTORY_LIMIT = 200;
const PASTE_OFFSET = 40;

export interface DocumentSlice {
  meta: WorkflowMeta;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** The id the document is stored under on the server; null until first saved (save = POST). */
  savedId: string | null;
  /** Unsaved changes since open or the last save. */
  dirty: boolean;
  past: DocumentSnapshot[];
  future: DocumentSnapshot[];
  /** Consecutive edits with the same key (typing in one field) form one undo step. */
  coalesceKey: string | null;
  clipboard: { nodes: FlowNode[]; edges: FlowEdge[] } | null;
  /** Increases each time another document is opened, so the canvas knows to fit the view. */
  openCount: number;
  /** When the open document was restored from an autosaved draft, the draft's time; null otherwise. */
  restoredDraftAt: number | null;

  newDocument(id: string): void;
  openDocument(workflow: Workflow, savedId: string | null): void;
  /** Opens an autosaved draft: unsaved (dirty) from the start, so it is neither lost nor mistaken for the stored version. */
  openDraft(workflow: Workflow, savedId: string | null, savedAt: number): void;
  markSaved(workflow: Workflow): void;
  /** The user chose to throw the unsaved changes away (the caller opens another document next). */
  forgetChanges(): void;
  toWorkflow(): Workflow;
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  /** Call when a drag starts: the whole drag becomes one undo step. */
  beginMove(): void;
  connect(connection: Connection): ConnectionVerdict;
  addNode(type: NodeType, position: Position): string;
  deleteSelection(): void;
  copySelection(): void;
  paste(): void;
  updateConfig<T extends NodeType>(nodeId: string, config: NodeConfigByType[T], coalesceKey?: string): void;
  updateLabel(nodeId: string, label: string): void;
  updateMeta(patch: Partial<WorkflowMeta>, coalesceKey?: string): void;
  /** Applies a validation issue's one-click fix (JSON pointers into the document) as one undo step. */
  applyFix(fix: IssueFix): ChangeResult<Workflow>;
  layout(): void;
  selectNode(nodeId: string | null): void;
  undo(): void;
  redo(): void;
}

type DocumentState = Pick<DocumentSlice, 'meta' | 'nodes' | 'edges'>;

function snapshotOf(state: DocumentState): DocumentSnapshot {
  return { meta: state.meta, nodes: state.nodes, edges: state.edges };
}

/** Default handles are implied by their absence in the file format; keep saved files minimal. */
function normalisedEdge(id: string, connection: Connection): FlowEdge {
  const edge: FlowEdge = { id, source: connection.source, target: connection.target };
  if (connection.sourceHandle && connection.sourceHandle !== OUT_HANDLE && connection.sourceHandle !== TOOL_HANDLE) edge.sourceHandle = connection.sourceHandle;
  if (connection.targetHandle && connection.targetHandle !== IN_HANDLE) edge.targetHandle = connection.targetHandle;
  return edge;
}

function graphOf(state: DocumentState) {
  return {
    nodes: state.nodes.map((node) => ({ id: node.id, type: node.type, config: node.data.config })),
    edges: state.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? undefined, targetHandle: edge.targetHandle ?? undefined })),
  };
}

/**
 * The document after a fix, keeping every node, edge and meta object the fix did not touch (the
 * applier shares untouched subtrees), so selection and React Flow's measurements survive.
 */
function snapshotChangedBy(state: DocumentState, before: Workflow, after: Workflow): DocumentSnapshot {
  const rebuilt = workflowToFlow(after);
  const sameShape = after.nodes.length === before.nodes.length && after.nodes.every((node, index) => node.id === before.nodes[index]?.id);
  const nodes = sameShape
    ? state.nodes.map((node, index) => {
        const changed = after.nodes[index];
        if (changed === before.nodes[index]) return node;
        const fresh = rebuilt.nodes[index] as FlowNode;
        return { ...node, type: fresh.type, position: fresh.position, data: fresh.data };
      })
    : rebuilt.nodes;
  const { nodes: _beforeNodes, edges: _beforeEdges, ...beforeMeta } = before;
  const metaKeys = new Set([...Object.keys(beforeMeta), ...Object.keys(rebuilt.meta)]);
  const metaChanged = [...metaKeys].some((key) => (beforeMeta as Record<string, unknown>)[key] !== (rebuilt.meta as Record<string, unknown>)[key]);
  return { meta: metaChanged ? rebuilt.meta : state.meta, nodes, edges: after.edges === before.edges ? state.edges : rebuilt.edges };
}

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set, get) => {
  /** Pushes the current document onto the undo stack unless this edit continues the last one. */
  const record = (coalesceKey: string | null = null) => {
    const state = get();
    if (coalesceKey !== null && coalesceKey === state.coalesceKey) return;
    set({ past: [...state.past, snapshotOf(state)].slice(-HISTORY_LIMIT), future: [], coalesceKey });
  };
  const edit = (change: Partial<DocumentSlice>, coalesceKey: string | null = null) => {
    record(coalesceKey);
    set({ ...change, dirty: true });
  };
  const fresh = (snapshot: DocumentSnapshot, savedId: string | null) =>
    set((state) => ({ ...snapshot, savedId, dirty: false, past: [], future: [], coalesceKey: null, openCount: state.openCount + 1, restoredDraftAt: null }));

  return {
    ...workflowToFlow(blankWorkflow('untitled')),
    savedId: null,
    dirty: false,
    past: [],
    future: [],
    coalesceKey: null,
    clipboard: null,
    openCount: 0,
    restoredDraftAt: null,

    newDocument: (id) => fresh(workflowToFlow(blankWorkflow(id)), null),
    openDocument: (workflow, savedId) => fresh(workflowToFlow(workflow), savedId),
    openDraft: (workflow, savedId, savedAt) => {
      fresh(workflowToFlow(workflow), savedId);
      set({ dirty: true, restoredDraftAt: savedAt });
    },
    forgetChanges: () => set({ dirty: false, coalesceKey: null, restoredDraftAt: null }),
    markSaved: (workflow) => set({ savedId: workflow.id, dirty: false, coalesceKey: null, restoredDraftAt: null }),
    toWorkflow: () => flowToWorkflow(snapshotOf(get())),

    onNodesChange: (changes) => {
      const meaningful = changes.some((change) => change.type === 'remove' || change.type === 'add' || change.type === 'replace');
      if (meaningful) record();
      const moved = changes.some((change) => change.type === 'position' && change.position !== undefined);
      set((state) => ({ nodes: applyNodeChanges(changes, state.nodes), dirty: state.dirty || meaningful || moved }));
    },
    onEdgesChange: (changes) => {
      const meaningful = changes.some((change) => change.type !== 'select');
      if (meaningful) record();
      set((state) => ({ edges: applyEdgeChanges(changes, state.edges), dirty: state.dirty || meaningful }));
    },
    beginMove: () => record(),

    connect: (connection) => {
      const state = get();
      const verdict = canConnect(graphOf(state), connection);
      if (!verdict.ok) return verdict;
      const id = uniqueId('e', new Set(state.edges.map((edge) => edge.id)));
      edit({ edges: [...state.edges, normalisedEdge(id, connection)] });
      return verdict;
    },

    addNode: (type, position) => {
      const state = get();
      const spec = getNodeSpec(type);
      const id = uniqueId(type, new Set(state.nodes.map((node) => node.id)));
      const node: FlowNode = { id, type, position, selected: true, data: { config: structuredClone(spec.defaults) } };
      edit({ nodes: [...state.nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node] });
      return id;
    },

    deleteSelection: () => {
      const state = get();
      const doomed = new Set(state.nodes.filter((node) => node.selected).map((node) => node.id));
      const edges = state.edges.filter((edge) => !edge.selected && !doomed.has(edge.source) && !doomed.has(edge.target));
      if (doomed.size === 0 && edges.length === state.edges.length) return;
      edit({ nodes: state.nodes.filter((node) => !doomed.has(node.id)), edges });
    },

    copySelection: () => {
      const state = get();
      const nodes = state.nodes.filter((node) => node.selected);
      if (nodes.length === 0) return;
      const ids = new Set(nodes.map((node) => node.id));
      set({ clipboard: { nodes: structuredClone(nodes), edges: structuredClone(state.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))) } });
    },

    paste: () => {
      const state = get();
      const clip = state.clipboard;
      if (!clip) return;
      const takenNodes = new Set(state.nodes.map((node) => node.id));
      const takenEdges = new Set(state.edges.map((edge) => edge.id));
      const renamed = new Map<string, string>();
      const pasted = clip.nodes.map((node): FlowNode => {
        // `draft` pastes as `draft_1`, `prompt_1` as `prompt_2`: copies stay recognisable.
        const id = uniqueId(node.id.replace(/_\d+$/, ''), takenNodes);
        takenNodes.add(id);
        renamed.set(node.id, id);
        const { measured: _measured, ...rest } = node;
        return { ...rest, id, selected: true, position: { x: node.position.x + PASTE_OFFSET, y: node.position.y + PASTE_OFFSET }, data: structuredClone(node.data) };
      });
      const pastedEdges = clip.edges.map((edge): FlowEdge => {
        const id = uniqueId('e', takenEdges);
        takenEdges.add(id);
        return { ...edge, id, selected: false, source: renamed.get(edge.source) as string, target: renamed.get(edge.target) as string };
      });
      edit({
        nodes: [...state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted],
        edges: [...state.edges, ...pastedEdges],
        // Pasting again drops the next copy further along instead of on top of this one.
        clipboard: { nodes: pasted, edges: pastedEdges },
      });
    },

    updateConfig: (nodeId, config, coalesceKey) => {
      const state = get();
      edit({ nodes: state.nodes.map((node) => (node.id === nodeId ? { ...node, data: { ...node.data, config } } : node)) }, coalesceKey === undefined ? null : `config:${nodeId}:${coalesceKey}`);
    },
    updateLabel: (nodeId, label) => {
      const state = get();
      edit({ nodes: state.nodes.map((node) => (node.id === nodeId ? { ...node, data: { ...node.data, label } } : node)) }, `label:${nodeId}`);
    },
    updateMeta: (patch, coalesceKey) => {
      edit({ meta: { ...get().meta, ...patch } }, coalesceKey === undefined ? null : `meta:${coalesceKey}`);
    },
    applyFix: (fix) => {
      const state = get();
      const before = flowToWorkflow(snapshotOf(state));
      const result = applyJsonChanges(before, fix.changes);
      if (!result.ok) return result;
      edit(snapshotChangedBy(state, before, result.value));
      return result;
    },
    layout: () => {
      const state = get();
      edit({ nodes: autoLayout(state.nodes, state.edges) });
    },
    selectNode: (nodeId) =>
      set((state) => ({
        nodes: state.nodes.map((node) => (Boolean(node.selected) === (node.id === nodeId) ? node : { ...node, selected: node.id === nodeId })),
        edges: state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      })),

    undo: () => {
      const state = get();
      const previous = state.past.at(-1);
      if (!previous) return;
      set({ ...previous, past: state.past.slice(0, -1), future: [snapshotOf(state), ...state.future], coalesceKey: null, dirty: true });
    },
    redo: () => {
      const state = get();
      const following = state.future[0];
      if (!following) return;
      set({ ...following, past: [...state.past, snapshotOf(state)], future: state.future.slice(1), coalesceKey: null, dirty: true });
    },
  };
};
