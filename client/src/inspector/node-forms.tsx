import type { ReactNode } from 'react';
import type { BranchConfig, OutputConfig, PromptConfig, ToolConfig } from '../../../shared/node-configs';
import type { NodeType } from '../../../shared/workflow-types';
import { BranchForm } from './BranchForm';
import { OutputForm } from './OutputForm';
import { PromptForm } from './PromptForm';
import { ToolForm } from './ToolForm';

export interface NodeFormProps {
  nodeId: string;
  type: NodeType;
  /** The node's config as stored; each form reads it as its type's config. */
  config: unknown;
}

/**
 * The inspector form of each node type: one line per type, and the compiler refuses a type
 * without one (the `Record` over NodeType).
 */
export const NODE_FORMS: Record<NodeType, (props: NodeFormProps) => ReactNode> = {
  input: () => <p className="panel__empty">The input node passes the run's input on. Its fields are the workflow's inputs schema (select nothing to edit it).</p>,
  prompt: ({ nodeId, config }) => <PromptForm nodeId={nodeId} type="prompt" config={config as PromptConfig} />,
  vision: ({ nodeId, config }) => <PromptForm nodeId={nodeId} type="vision" config={config as PromptConfig} />,
  thinking: ({ nodeId, config }) => <PromptForm nodeId={nodeId} type="thinking" config={config as PromptConfig} />,
  tool: ({ nodeId, config }) => <ToolForm nodeId={nodeId} config={config as ToolConfig} />,
  branch: ({ nodeId, config }) => <BranchForm nodeId={nodeId} config={config as BranchConfig} />,
  output: ({ nodeId, config }) => <OutputForm nodeId={nodeId} config={config as OutputConfig} />,
};
