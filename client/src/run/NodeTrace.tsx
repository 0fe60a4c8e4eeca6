import { memo } from 'react';
import { formatValue } from '../../../shared/templates';
import { formatCost } from '../format/format-cost';
import { formatDuration } from '../format/format-duration';
import { useNodeRun, useShownNodeStatus } from '../canvas/use-node-run';
import { nodeById } from '../store/node-by-id';
import { appStore, useAppStore } from '../store/use-app-store';
import { CacheSavingsText } from './CacheSavingsText';
import { cacheTtlOf, nodeCacheSavings } from './node-cache-savings';
import { thinkingNotice } from './thinking-notice';
import { TraceToolCall } from './TraceToolCall';

/** One node's part of the live trace; selects only its own run state. */
function NodeTraceItem({ nodeId }: { nodeId: string }) {
  const node = useNodeRun(nodeId);
  const status = useShownNodeStatus(nodeId);
  const cacheTtl = useAppStore((state) => cacheTtlOf(nodeById(state.nodes, nodeId)?.data.config));
  if (!node) return null;
  const usage = node.usage;
  const cache = nodeCacheSavings(node, cacheTtl);
  const hiddenThinking = thinkingNotice(node.thinkingSummary, node.thinking);
  const callsById = new Map(node.toolCalls.map((call) => [call.toolUseId, call]));
  const placed = new Set(node.segments.flatMap((segment) => (segment.kind === 'tool' ? [segment.toolUseId] : [])));
  const unplacedCalls = node.toolCalls.filter((call) => !placed.has(call.toolUseId));
  return (
    <li className={`trace trace--${status}`} data-testid={`trace-${nodeId}`} data-status={status}>
      <button type="button" className="trace__head" onClick={() => appStore.getState().selectNode(nodeId)} title="Select on the canvas">
        <span className={`status-dot status-dot--${status}`} />
        <strong>{nodeId}</strong>
        <span className="trace__status">{status}</span>
        {node.attempt > 1 && <span className="trace__chip">attempt {node.attempt}</span>}
        {node.model && <span className="trace__chip">{node.model}</span>}
      </button>

      {node.retries.map((retry) => (
        <div key={retry.attempt} className="trace__retry">
          retrying (attempt {retry.attempt}) in {formatDuration(retry.delayMs)}: {retry.error.message}
        </div>
      ))}
      {node.thinking !== '' && (
        <details className="trace__thinking" data-testid="trace-thinking">
          <summary>Thinking ({node.thinking.length} chars)</summary>
          <pre>{node.thinking}</pre>
        </details>
      )}
      {hiddenThinking && (
        <div className="trace__note" data-testid="trace-thinking-hidden">
          {hiddenThinking}
        </div>
      )}
      {node.segments.map((segment, index) => {
        if (segment.kind === 'text') {
          return (
            <pre key={index} className="trace__text" data-testid="trace-text" data-segment="text">
              {segment.text}
            </pre>
          );
        }
        const call = callsById.get(segment.toolUseId);
        return call && <TraceToolCall key={segment.toolUseId} call={call} />;
      })}
      {/* A tool node receives calls rather than making them, so they have no place among its segments. */}
      {unplacedCalls.map((call) => (
        <TraceToolCall key={call.toolUseId} call={call} />
      ))}
      {node.output !== undefined && node.segments.length === 0 && node.toolCalls.length === 0 && <pre className="trace__text">{formatValue(node.output)}</pre>}
      {node.route !== undefined && (
        <div className="trace__route">
          route taken: <strong>{node.route}</strong>
        </div>
      )}
      {node.stopReason === 'max_tokens' && (
        <div className="trace__warning" role="alert" data-testid="max-tokens-warning">
          Stopped at max_tokens: the answer is cut off. Raise max tokens or set “continue”.
        </div>
      )}
      {node.warnings?.map((warning) => (
        <div key={warning} className="trace__warning">
          {warning}
        </div>
      ))}
      {node.notes?.map((note) => (
        <div key={note} className="trace__note" data-testid="trace-note">
          {note}
        </div>
      ))}
      {status === 'interrupted' && <div className="trace__skip">cut short when the server stopped; Resume runs it again</div>}
      {status === 'canceled' && (
        <div className="trace__skip" data-testid="trace-canceled">
          stopped when the run was canceled
        </div>
      )}
      {node.error && status !== 'interrupted' && status !== 'canceled' && (
        <div className="trace__error" role="alert">
          {node.error.type}
          {node.error.status ? ` (${node.error.status})` : ''}: {node.error.message}
          {node.error.request_id && <span className="trace__request-id"> request {node.error.request_id}</span>}
        </div>
      )}
      {node.skipReason && <div className="trace__skip">skipped: {node.skipReason}</div>}

      {(node.stopReason || usage || node.durationMs !== undefined) && (
        <dl className="trace__metrics">
          {node.stopReason && (
            <>
              <dt>stop</dt>
              <dd data-testid="trace-stop-reason">{node.stopReason}</dd>
            </>
          )}
          {usage && (
            <>
              <dt>tokens</dt>
              <dd>
                {usage.input_tokens} in · {usage.output_tokens} out
                {usage.cache_read_input_tokens > 0 && ` · ${usage.cache_read_input_tokens} cache read`}
                {usage.cache_creation_input_tokens > 0 && ` · ${usage.cache_creation_input_tokens} cache write`}
              </dd>
            </>
          )}
          {cache && (
            <>
              <dt>cache</dt>
              <dd data-testid="trace-cache-savings">
                <CacheSavingsText savings={cache} />
              </dd>
            </>
          )}
          {node.costUsd !== undefined && (
            <>
              <dt>cost</dt>
              <dd>{formatCost(node.costUsd)}</dd>
            </>
          )}
          {node.durationMs !== undefined && (
            <>
              <dt>time</dt>
              <dd>
                {formatDuration(node.durationMs)}
                {node.modelMs !== undefined && ` · model ${formatDuration(node.modelMs)}`}
                {node.engineMs !== undefined && ` · engine ${formatDuration(node.engineMs)}`}
              </dd>
            </>
          )}
        </dl>
      )}
    </li>
  );
}

export const NodeTrace = memo(NodeTraceItem);
