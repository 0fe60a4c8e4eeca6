import type { Json } from '../../shared/json-schema';
import type { RowResult } from './batch-report';
import { toCsvRecord } from './to-csv';

/** One JSON object per row, in row order. */
export function resultsToJsonl(rows: readonly RowResult[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/**
 * A CSV with `row,status,error,cost_usd` and one column per output field: `<outputNode>.<key>`
 * for mapping outputs, `<outputNode>` otherwise. Objects are written as JSON text.
 */
export function resultsToCsv(rows: readonly RowResult[]): string {
  const columns: string[] = [];
  const cells = rows.map((row) => {
    const flat = new Map<string, string>();
    for (const [nodeId, value] of Object.entries(row.outputs ?? {})) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) flat.set(`${nodeId}.${key}`, text(inner));
      } else {
        flat.set(nodeId, text(value));
      }
    }
    for (const column of flat.keys()) if (!columns.includes(column)) columns.push(column);
    return flat;
  });
  const lines = [toCsvRecord(['row', 'status', 'error', 'cost_usd', ...columns])];
  rows.forEach((row, index) => {
    const error = row.error ? `${row.error.nodeId ? `${row.error.nodeId}: ` : ''}${row.error.type}: ${row.error.message}` : '';
    lines.push(toCsvRecord([String(row.row), row.status, error, row.cost_usd === null ? 'price unknown' : row.cost_usd.toFixed(6), ...columns.map((column) => cells[index]?.get(column) ?? '')]));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function text(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
