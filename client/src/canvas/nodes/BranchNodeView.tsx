import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect } from 'react';
import type { BranchConfig } from '../../../../shared/node-configs';
import { IN_HANDLE } from '../../../../shared/nodes';
import { preview } from '../../format/preview';
import { effortThinkingSummary } from '../../models/effort-thinking-summary';
import type { FlowNode } from '../../store/flow-types';
import { useNodeRun } from '../use-node-run';
import { NodeFrame } from './NodeFrame';

function BranchNode({ id, data }: NodeProps<FlowNode>) {
  const config = data.config as BranchConfig;
  const taken = useNodeRun(id)?.route;
  const reasoning = config.mode === 'claude' ? effortThinkingSummary(config) : null;
  const labels = (config.routes ?? []).map((route) => route.label);
  const updateNodeInternals = useUpdateNodeInternals();
  const labelKey = labels.join('\n');
  // React Flow measures handles once; routes added or renamed need a re-measure.
  useEffect(() => updateNodeInternals(id), [id, labelKey, updateNodeInternals]);
  return (
    <NodeFrame id={id} type="branch" label={data.label} handles={<Handle type="target" position={Position.Left} id={IN_HANDLE} />}>
      <div className="node__preview">
        {config.mode === 'claude' ? 'Claude picks on ' : 'on '}
        <code>{preview(config.on ?? '', 40)}</code>
      </div>
      {reasoning && (
        <div className="node__chip" data-testid="node-reasoning">
          {reasoning}
        </div>
      )}
      <ul className="node__routes">
        {labels.map((label) => (
          <li key={label} className={taken === undefined ? '' : taken === label ? 'route--taken' : 'route--not-taken'} data-testid={`route-${label}`}>
            {label}
            {config.default === label && <span className="node__hint"> (default)</span>}
            <Handle type="source" position={Position.Right} id={label} />
          </li>
        ))}
      </ul>
    </NodeFrame>
  );
}

export const BranchNodeView = memo(BranchNode);
