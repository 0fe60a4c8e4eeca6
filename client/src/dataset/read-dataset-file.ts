import { JsonLineError, parseJsonLines } from '../../../shared/dataset/parse-json-lines';
import type { Json } from '../../../shared/json-schema';

/** What the Dataset view sends: CSV as text (the server parses and converts it), JSON lines as rows. */
export type DatasetPayload = { csv: string } | { rows: Json[] };

/**
 * Reads an uploaded `.csv` or `.jsonl`/`.ndjson` file. JSON lines are checked here, so a bad line
 * is reported with its number before anything is sent; CSV is left to the server's RFC 4180 reader.
 */
export function readDatasetFile(name: string, text: string): DatasetPayload {
  if (/\.csv$/i.test(name)) return { csv: text };
  if (!/\.(jsonl|ndjson)$/i.test(name)) throw new Error(`"${name}": choose a .csv or .jsonl file.`);
  let rows: Json[];
  try {
    rows = parseJsonLines(text);
  } catch (error) {
    if (error instanceof JsonLineError) throw new Error(`"${name}" line ${error.line}: ${error.problem}.`);
    throw error;
  }
  if (rows.length === 0) throw new Error(`"${name}" has no rows.`);
  return { rows };
}
