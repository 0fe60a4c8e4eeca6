import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { OUT_HANDLE } from '../../../../shared/nodes';
import type { FlowNode } from '../../store/flow-types';
import { useAppStore } from '../../store/use-app-store';
import { NodeFrame } from './NodeFrame';

function InputNode({ id, data }: NodeProps<FlowNode>) {
  const properties = useAppStore((state) => state.meta.inputs.properties);
  const fields = properties && typeof properties === 'object' ? Object.keys(properties) : [];
  return (
    <NodeFrame id={id} type="input" label={data.label} handles={<Handle type="source" position={Position.Right} id={OUT_HANDLE} />}>
      <div className="node__fields">{fields.length > 0 ? fields.map((field) => <code key={field}>{field}</code>) : <em>no input fields</em>}</div>
    </NodeFrame>
  );
}

export const InputNodeView = memo(InputNode);
