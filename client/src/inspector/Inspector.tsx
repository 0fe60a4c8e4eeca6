import { useShallow } from 'zustand/react/shallow';
import { getNodeSpec } from '../../../shared/nodes';
import type { NodeType } from '../../../shared/workflow-types';
import type { FlowNodeData } from '../store/flow-types';
import { nodeById } from '../store/node-by-id';
import { appStore, useAppStore } from '../store/use-app-store';
import { Field } from './Field';
import { NODE_FORMS } from './node-forms';
import { NodeIssues } from './NodeIssues';
import { WorkflowSettings } from './WorkflowSettings';

/** The form for the selected node, or the workflow's own settings when nothing is selected. */
export function Inspector() {
  const selected = useAppStore(useShallow((state) => state.nodes.filter((node) => node.selected).map((node) => node.id)));
  if (selected.length === 0) return <WorkflowSettings />;
  if (selected.length > 1) return <p className="panel__empty">{selected.length} nodes selected. Copy, delete or move them together.</p>;
  return <NodeInspector nodeId={selected[0] as string} />;
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  // Type and data only: a drag replaces the node object on every pointer move, its data never.
  const node = useAppStore(
    useShallow((state) => {
      const found = nodeById(state.nodes, nodeId);
      return { id: nodeId, type: found?.type, data: found?.data };
    }),
  );
  if (!node.type || !node.data) return null;
  const spec = getNodeSpec(node.type);
  return (
    <div className="inspector" data-testid="inspector">
      <header className="inspector__header">
        <span className={`inspector__type inspector__type--${node.type}`}>{spec.label}</span>
        <code className="inspector__id">{node.id}</code>
      </header>
      <p className="inspector__description">{spec.description}</p>
      <NodeIssues nodeId={node.id} />
      <Field label="Display name" hint={`Templates refer to this node as {{${node.id}.…}}`}>
        <input value={node.data.label ?? ''} placeholder={node.id} data-testid="node-label" onChange={(event) => appStore.getState().updateLabel(node.id, event.target.value)} />
      </Field>
      <NodeForm nodeId={node.id} type={node.type} data={node.data} />
    </div>
  );
}

function NodeForm({ nodeId, type, data }: { nodeId: string; type: NodeType; data: FlowNodeData }) {
  const Form = NODE_FORMS[type];
  return <Form nodeId={nodeId} type={type} config={data.config} />;
}
