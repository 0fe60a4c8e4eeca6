import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ToolConfig } from '../../../../shared/node-configs';
import { TOOL_HANDLE } from '../../../../shared/nodes';
import type { FlowNode } from '../../store/flow-types';
import { useNodeRun } from '../use-node-run';
import { NodeFrame } from './NodeFrame';

function ToolNode({ id, data }: NodeProps<FlowNode>) {
  const config = data.config as ToolConfig;
  const calls = useNodeRun(id)?.toolCalls.length ?? 0;
  return (
    <NodeFrame id={id} type="tool" label={data.label} handles={<Handle type="source" position={Position.Top} id={TOOL_HANDLE} />}>
      <div className="node__tool-name">
        <code>{config.name}</code> <span className="node__chip">{config.implementation?.kind}</span>
      </div>
      {calls > 0 && (
        // Re-keyed on every call so the flash animation replays: the node lights up per call.
        <div key={calls} className="node__calls" data-testid="tool-calls">
          {calls} call{calls === 1 ? '' : 's'}
        </div>
      )}
    </NodeFrame>
  );
}

export const ToolNodeView = memo(ToolNode);
