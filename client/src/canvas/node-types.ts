import type { NodeTypes } from '@xyflow/react';
import type { NodeType } from '../../../shared/workflow-types';
import { BranchNodeView } from './nodes/BranchNodeView';
import { InputNodeView } from './nodes/InputNodeView';
import { OutputNodeView } from './nodes/OutputNodeView';
import { PromptNodeView } from './nodes/PromptNodeView';
import { ToolNodeView } from './nodes/ToolNodeView';

/** Module scope on purpose: a new object per render would make React Flow remount every node. */
export const nodeTypes = {
  input: InputNodeView,
  prompt: PromptNodeView,
  vision: PromptNodeView,
  thinking: PromptNodeView,
  tool: ToolNodeView,
  branch: BranchNodeView,
  output: OutputNodeView,
} satisfies Record<NodeType, NodeTypes[string]>;
