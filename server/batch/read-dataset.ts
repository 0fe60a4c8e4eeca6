import { JsonLineError, parseJsonLines } from '../../shared/dataset/parse-json-lines';
import type { Json, JsonSchema } from '../../shared/json-schema';
import { parseCsv } from './parse-csv';

/**
 * Dataset rows from a `.jsonl` file (one JSON object per line; blank lines ignored) or a `.csv`
 * file (RFC 4180; the header row names the input fields). CSV cells are text: a cell whose input
 * field the workflow declares as number, integer or boolean is converted, and a cell that does not
 * convert is an error naming the row and column. Rows are validated against the workflow inputs
 * by the engine, per row, so one bad row fails alone.
 */
export function readDataset(text: string, format: 'jsonl' | 'csv', inputs?: JsonSchema): Json[] {
  return format === 'csv' ? csvRows(text, inputs) : jsonlRows(text);
}

export function datasetFormat(path: string): 'jsonl' | 'csv' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.jsonl$/i.test(path) || /\.ndjson$/i.test(path)) return 'jsonl';
  throw new Error(`${path}: the dataset must be a .jsonl or .csv file`);
}

function jsonlRows(text: string): Json[] {
  try {
    return parseJsonLines(text);
  } catch (error) {
    if (error instanceof JsonLineError) throw new Error(`dataset line ${error.line}: ${error.problem}`);
    throw error;
  }
}

function csvRows(text: string, inputs: JsonSchema | undefined): Json[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  const names = header.map((name) => name.trim());
  names.forEach((name, column) => {
    if (name === '') throw new Error(`CSV header, column ${column + 1}: empty field name`);
    if (names.indexOf(name) !== column) throw new Error(`CSV header, column ${column + 1}: field "${name}" appears twice`);
  });
  const properties = (inputs?.properties ?? {}) as Record<string, { type?: unknown }>;
  return records.map((record, index) => {
    const rowNumber = index + 2;
    if (record.length !== names.length) throw new Error(`CSV row ${rowNumber}: ${record.length} fields, but the header has ${names.length}`);
    const row: { [key: string]: Json } = {};
    names.forEach((name, column) => {
      row[name] = convert(record[column] as string, properties[name]?.type, `CSV row ${rowNumber}, column "${name}"`);
    });
    return row;
  });
}

function convert(cell: string, type: unknown, where: string): Json {
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('string') || cell === '') return cell;
  if (types.includes('integer') || types.includes('number')) {
    const value = Number(cell.trim());
    if (cell.trim() === '' || !Number.isFinite(value)) throw new Error(`${where}: "${cell}" is not a number`);
    return value;
  }
  if (types.includes('boolean')) {
    const lowered = cell.trim().toLowerCase();
    if (lowered === 'true' || lowered === 'false') return lowered === 'true';
    throw new Error(`${where}: "${cell}" is not true or false`);
  }
  return cell;
}
