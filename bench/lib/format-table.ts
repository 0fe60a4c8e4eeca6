import { isMet } from './benchmark';
import type { StoredResult } from './write-result';

/** A Markdown table (readable in a terminal too): one row per figure, with its target and verdict. */
export function formatTable(results: readonly StoredResult[]): string {
  const rows = [['benchmark', 'figure', 'value', 'target', 'met'], ['---', '---', '---:', '---', '---']];
  for (const result of results) {
    if (result.skipped) {
      rows.push([result.name, `skipped: ${result.skipped}`, '', '', '—']);
      continue;
    }
    for (const item of result.figures) {
      rows.push([result.name, item.label, `${round(item.value)} ${item.unit}`, `${item.op} ${item.limit} ${item.unit}`, isMet(item) ? 'yes' : 'NO']);
    }
  }
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}
