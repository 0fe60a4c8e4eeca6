import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { DEFAULT_MODEL } from '../../../../shared/claude-models/model-catalog';
import type { ThinkingConfig, VisionConfig } from '../../../../shared/node-configs';
import { IN_HANDLE, OUT_HANDLE } from '../../../../shared/nodes';
import { TOOLS_HANDLE } from '../../../../shared/workflow-types';
import { preview } from '../../format/preview';
import { effortThinkingSummary } from '../../models/effort-thinking-summary';
import type { FlowNode } from '../../store/flow-types';
import { useAppStore } from '../../store/use-app-store';
import { NodeFrame } from './NodeFrame';

/** prompt, vision and thinking: one Messages call each, so one view with type-specific extras. */
function PromptNode({ id, type, data }: NodeProps<FlowNode>) {
  const config = data.config as ThinkingConfig & VisionConfig;
  const defaultModel = useAppStore((state) => state.meta.defaults?.model);
  const reasoning = effortThinkingSummary(config);
  const kind = type as 'prompt' | 'vision' | 'thinking';
  const firstUser = config.messages?.find((message) => message.role === 'user')?.content ?? '';
  const handles = (
    <>
      <Handle type="target" position={Position.Left} id={IN_HANDLE} />
      <Handle type="source" position={Position.Right} id={OUT_HANDLE} />
      <Handle type="target" position={Position.Bottom} id={TOOLS_HANDLE} className="handle--tools" title="Attach tools here" />
    </>
  );
  return (
    <NodeFrame id={id} type={kind} label={data.label} handles={handles} streams>
      <div className="node__model">{config.model ?? defaultModel ?? DEFAULT_MODEL}</div>
      <div className="node__preview">{preview(firstUser) || <em>no prompt</em>}</div>
      {reasoning && (
        <div className="node__chip" data-testid="node-reasoning">
          {reasoning}
        </div>
      )}
      {kind === 'vision' && <div className="node__chip">{config.images?.length ?? 0} image(s)</div>}
      {config.output === 'json' && <div className="node__chip">JSON output</div>}
    </NodeFrame>
  );
}

export const PromptNodeView = memo(PromptNode);
