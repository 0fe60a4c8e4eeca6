import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type OnConnectEnd } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canConnect } from '../../../shared/graph';
import { isNodeType } from '../../../shared/nodes';
import type { FlowNode } from '../store/flow-types';
import { appStore, useAppStore } from '../store/use-app-store';
import { displayEdges, nodesWithStatus, takenRoutes } from './edge-display';
import { nodeTypes } from './node-types';
import { PALETTE_MIME } from './palette-mime';
import { useZoomedOut } from './use-zoomed-out';

const FIT_VIEW = { padding: 0.15, maxZoom: 1 };
// A type without its own colour in the stylesheet gets the accent colour.
const minimapColor = (node: FlowNode) => `var(--node-${node.type ?? 'prompt'}, var(--accent))`;

export function Canvas() {
  const { nodes, edges, openCount } = useAppStore(useShallow((state) => ({ nodes: state.nodes, edges: state.edges, openCount: state.openCount })));
  const routes = useAppStore(useShallow((state) => takenRoutes(state.run)));
  const skipped = useAppStore(useShallow((state) => nodesWithStatus(state.run, 'skipped')));
  const running = useAppStore(useShallow((state) => nodesWithStatus(state.run, 'running')));
  const shownEdges = useMemo(() => displayEdges(edges, routes, skipped, running), [edges, routes, skipped, running]);
  const { onNodesChange, onEdgesChange, beginMove, connect, addNode, notify } = appStore.getState();
  const flow = useReactFlow<FlowNode>();
  const zoomedOut = useZoomedOut();
  const refusal = useRef<string | null>(null);

  useEffect(() => {
    // After the nodes of a newly opened document are measured, frame them.
    const timer = setTimeout(() => void flow.fitView(FIT_VIEW), 50);
    return () => clearTimeout(timer);
  }, [openCount, flow]);

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const state = appStore.getState();
    const graph = {
      nodes: state.nodes.map((node) => ({ id: node.id, type: node.type, config: node.data.config })),
      edges: state.edges.map((edge) => ({ source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? undefined, targetHandle: edge.targetHandle ?? undefined })),
    };
    const verdict = canConnect(graph, connection);
    refusal.current = verdict.ok ? null : verdict.reason;
    return verdict.ok;
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const verdict = connect(connection);
    if (!verdict.ok) notify('error', verdict.reason);
  }, [connect, notify]);

  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, state) => {
      // Tell the user why a drop onto a handle was refused instead of silently doing nothing.
      if (state.toHandle && state.isValid === false && refusal.current) notify('error', refusal.current);
    },
    [notify],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeType(type)) return;
      event.preventDefault();
      addNode(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addNode, flow],
  );

  return (
    <div className={zoomedOut ? 'canvas canvas--far' : 'canvas'} data-testid="canvas" data-zoomed-out={zoomedOut}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={beginMove}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        // Deleting goes through the store (one undo step, edges included); see use-keyboard-shortcuts.
        deleteKeyCode={null}
        onlyRenderVisibleElements
        minZoom={0.1}
        fitView
        fitViewOptions={FIT_VIEW}
        proOptions={{ hideAttribution: true }}
      >
        {/* Zoomed out, the dot grid is a dense pattern re-rasterised on every pan frame and shows nothing useful. */}
        {!zoomedOut && <Background gap={20} size={1} />}
        <MiniMap pannable zoomable nodeColor={minimapColor} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
