import { useShallow } from 'zustand/react/shallow';
import { getNodeSpec } from '../../../shared/nodes';
import type { BranchConfig, OutputConfig, PromptConfig, ToolConfig } from '../../../shared/node-configs';
import type { FlowNode } from '../store/flow-types';
import { appStore, useAppStore } from '../store/use-app-store';
import { BranchForm } from './BranchForm';
import { Field } from './Field';
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
  const node = useAppStore((state) => state.nodes.find((candidate) => candidate.id === nodeId));
  if (!node || !node.type) return null;
  const spec = getNodeSpec(node.type);
  return (
    <div className="inspector" data-testid="inspector">
      <header className="inspector__header">
        <span className={`inspector__type inspector__type--${node.type}`}>{spec.label}</span>
        <code className="inspector__id">{node.id}</code>
      </header>
      <p className="inspector__description">{spec.description}</p>
      <Field label="Display name" hint={`Templates refer to this node as {{${node.id}.…}}`}>
        <input value={node.data.label ?? ''} placeholder={node.id} data-testid="node-label" onChange={(event) => appStore.getState().updateLabel(node.id, event.target.value)} />
      </Field>
      <NodeForm node={node} />
    </div>
  );
}

function NodeForm({ node }: { node: FlowNode }) {
  const config = node.data.config;
  switch (node.type) {
    case 'prompt':
    case 'vision':
    case 'thinking':
      return <PromptForm nodeId={node.id} type={node.type} config={config as PromptConfig} />;
    case 'tool':
      return <ToolForm nodeId={node.id} config={config as ToolConfig} />;
    case 'branch':
      return <BranchForm nodeId={node.id} config={config as BranchConfig} />;
    case 'output':
      return <OutputForm nodeId={node.id} config={config as OutputConfig} />;
    default:
      return <p className="panel__empty">The input node passes the run's input on. Its fields are the workflow's inputs schema (select nothing to edit it).</p>;
  }
}
