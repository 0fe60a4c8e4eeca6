import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { OutputConfig } from '../../../../shared/node-configs';
import { IN_HANDLE } from '../../../../shared/nodes';
import { formatValue } from '../../../../shared/templates';
import { preview } from '../../format/preview';
import type { FlowNode } from '../../store/flow-types';
import { useNodeRun } from '../use-node-run';
import { NodeFrame } from './NodeFrame';

function OutputNode({ id, data }: NodeProps<FlowNode>) {
  const config = data.config as OutputConfig;
  const output = useNodeRun(id)?.output;
  const value = typeof config.value === 'string' ? config.value : Object.keys(config.value ?? {}).join(', ');
  return (
    <NodeFrame id={id} type="output" label={data.label} handles={<Handle type="target" position={Position.Left} id={IN_HANDLE} />}>
      <div className="node__preview">
        <code>{preview(value, 60)}</code>
      </div>
      {output !== undefined && (
        <div className="node__stream nodrag nowheel" data-testid="node-output">
          {preview(formatValue(output), 300)}
        </div>
      )}
    </NodeFrame>
  );
}

export const OutputNodeView = memo(OutputNode);
