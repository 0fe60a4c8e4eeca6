import { useShallow } from 'zustand/react/shallow';
import { getNodeSpec } from '../../../shared/nodes';
import type { NodeType } from '../../../shared/workflow-types';
import type { BranchConfig, OutputConfig, PromptConfig, ToolConfig } from '../../../shared/node-configs';
import type { FlowNodeData } from '../store/flow-types';
import { nodeById } from '../store/node-by-id';
import { appStore, useAppStore } from '../store/use-app-store';
import { BranchForm } from './BranchForm';
import { Field } from './Field';
import { NodeIssues } from './NodeIssues';
import { OutputForm } from './OutputForm';
import { PromptForm } from './PromptForm';
import { ToolForm } from './ToolForm';
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
  const config = data.config;
  switch (type) {
    case 'prompt':
    case 'vision':
    case 'thinking':
      return <PromptForm nodeId={nodeId} type={type} config={config as PromptConfig} />;
    case 'tool':
      return <ToolForm nodeId={nodeId} config={config as ToolConfig} />;
    case 'branch':
      return <BranchForm nodeId={nodeId} config={config as BranchConfig} />;
    case 'output':
      return <OutputForm nodeId={nodeId} config={config as OutputConfig} />;
    default:
      return <p className="panel__empty">The input node passes the run's input on. Its fields are the workflow's inputs schema (select nothing to edit it).</p>;
  }
}
