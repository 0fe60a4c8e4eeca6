import type { ReactNode } from 'react';
import { getNodeSpec } from '../../../../shared/nodes';
import type { NodeType } from '../../../../shared/workflow-types';
import { formatDuration } from '../../format/format-duration';
import { segmentsText } from '../../store/trace-segments';
import { useNodeIssues, useNodeRun, useShownNodeStatus } from '../use-node-run';

interface NodeFrameProps {
  id: string;
  type: NodeType;
  label?: string;
  children?: ReactNode;
  /** Handles are positioned against the frame, so they are passed in rather than drawn here. */
  handles: ReactNode;
  /** Prompt-like nodes show Claude's streamed answer. */
  streams?: boolean;
}

/** The chrome every node view shares: title, issue badge, live status and the streamed answer. */
export function NodeFrame({ id, type, label, children, handles, streams = false }: NodeFrameProps) {
  const run = useNodeRun(id);
  const issues = useNodeIssues(id);
  const status = useShownNodeStatus(id);
  // Every round's text, not just the last: a tool loop's first round stays visible after completion.
  const stream = streams && run ? segmentsText(run.segments) : '';
  return (
    <div className={`node node--${type} node--${status}`} data-status={status} data-testid={`node-${id}`}>
      {handles}
      <header className="node__header">
        <span className="node__type">{getNodeSpec(type).label}</span>
        <span className="node__title" title={id}>
          {label || id}
        </span>
        {issues.errors + issues.warnings > 0 && (
          <span className={`node__badge ${issues.errors > 0 ? 'node__badge--error' : 'node__badge--warning'}`} data-testid="node-issues" title={`${issues.errors} error(s), ${issues.warnings} warning(s)`}>
            {issues.errors > 0 ? issues.errors : issues.warnings}
          </span>
        )}
      </header>
      {children && <div className="node__body">{children}</div>}
      {streams && status === 'running' && stream === '' && (run?.thinking ?? '') !== '' && <div className="node__thinking">thinking…</div>}
      {stream !== '' && (
        <div className="node__stream nodrag nowheel" data-testid="node-stream">
          {stream.length > 400 ? `…${stream.slice(-400)}` : stream}
        </div>
      )}
      <footer className="node__footer">
        <span className={`status-dot status-dot--${status}`} />
        <span className="node__status">{status}</span>
        {run?.stopReason === 'max_tokens' && <span className="node__warning">max_tokens</span>}
        {run?.durationMs !== undefined && <span className="node__metric">{formatDuration(run.durationMs)}</span>}
        {run?.usage && <span className="node__metric">{run.usage.output_tokens} tok</span>}
      </footer>
    </div>
  );
}
