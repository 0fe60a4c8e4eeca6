import { formatValue } from '../../../shared/templates';
import { formatDuration } from '../format/format-duration';
import type { ToolCallTrace } from '../store/run-state';

/** One tool call in a node's trace: the call, then its result (or that it is still running). */
export function TraceToolCall({ call }: { call: ToolCallTrace }) {
  return (
    <div className={`trace__tool ${call.isError ? 'trace__tool--error' : ''}`} data-testid="trace-tool-call" data-segment="tool">
      <div>
        <span className="trace__chip">round {call.round}</span> <code>{call.name}</code>({formatValue(call.input)})
      </div>
      {call.output !== undefined ? (
        <pre className="trace__tool-result">
          {call.isError ? 'error: ' : '→ '}
          {formatValue(call.output)}
          {call.durationMs !== undefined ? `  (${formatDuration(call.durationMs)})` : ''}
        </pre>
      ) : (
        <div className="trace__pending">running…</div>
      )}
    </div>
  );
}
