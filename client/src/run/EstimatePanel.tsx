import { useShallow } from 'zustand/react/shallow';
import type { Json } from '../../../shared/json-schema';
import type { NodeEstimate } from '../api/api-types';
import { estimateDocument } from '../estimate-actions';
import { formatCost } from '../format/format-cost';
import { useAppStore } from '../store/use-app-store';

const tokens = (count: number) => count.toLocaleString('en-US');

function inputRange(node: NodeEstimate): string {
  return node.input_tokens_min === node.input_tokens ? tokens(node.input_tokens) : `${tokens(node.input_tokens_min)}–${tokens(node.input_tokens)}`;
}

function contextShare(node: NodeEstimate): string {
  return node.context_window ? `${((node.input_tokens / node.context_window) * 100).toFixed(1)}%` : '?';
}

/**
 * The cost preview of one run with the current input: per Claude-calling node its input tokens
 * (shortest–longest upstream answers), cost range and warnings, and the total. Counting is free
 * and runs nothing (POST /api/workflows/estimate).
 */
export function EstimatePanel({ input }: { input: Json | null }) {
  const estimate = useAppStore(useShallow((state) => state.estimate));
  const result = estimate.status === 'done' ? estimate.result : undefined;
  return (
    <section className="estimate">
      <div className="run-panel__buttons">
        <button type="button" className="button" data-testid="estimate-button" disabled={input === null || estimate.status === 'loading'} onClick={() => input !== null && void estimateDocument(input)}>
          {estimate.status === 'loading' ? 'Estimating…' : 'Estimate cost'}
        </button>
        {input !== null && estimate.status !== 'loading' && (
          <button type="button" className="button button--link" data-testid="estimate-batch-button" onClick={() => void estimateDocument(input, true)}>
            as a batch
          </button>
        )}
      </div>
      {estimate.status === 'error' && (
        <div className="trace__error" role="alert" data-testid="estimate-error">
          {estimate.error}
        </div>
      )}
      {result && (
        <div className="estimate__result" data-testid="estimate-result">
          <table className="data-table">
            <thead>
              <tr>
                <th>node</th>
                <th>input tokens</th>
                <th>cost</th>
                <th>context</th>
              </tr>
            </thead>
            <tbody>
              {result.nodes.map((node) => (
                <tr key={node.nodeId} data-testid={`estimate-node-${node.nodeId}`}>
                  <td>
                    <code>{node.nodeId}</code>
                    {node.conditional && <span className="trace__chip">if routed</span>}
                    <div className="data-table__sub">{node.model}</div>
                  </td>
                  {node.error ? (
                    <td colSpan={3} className="field-error">
                      not estimated: {node.error}
                    </td>
                  ) : (
                    <>
                      <td>{inputRange(node)}</td>
                      <td>
                        {formatCost(node.cost_min_usd)}–{formatCost(node.cost_max_usd)}
                      </td>
                      <td>{contextShare(node)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="estimate-total">
                <th>total{result.batch ? ' (batch)' : ''}</th>
                <th>{tokens(result.total.input_tokens)}</th>
                <th colSpan={2}>
                  {formatCost(result.total.cost_min_usd)}–{formatCost(result.total.cost_max_usd)}
                </th>
              </tr>
            </tfoot>
          </table>
          {result.nodes.flatMap((node) =>
            node.warnings.map((warning) => (
              <div key={`${node.nodeId}:${warning}`} className="trace__warning" data-testid="estimate-warning">
                <code>{node.nodeId}</code>: {warning}
              </div>
            )),
          )}
          {result.nodes.length === 0 && <p className="panel__empty">No node calls Claude: a run costs nothing.</p>}
        </div>
      )}
    </section>
  );
}
