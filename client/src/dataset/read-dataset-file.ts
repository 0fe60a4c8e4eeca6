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
  const rows: Json[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`"${name}" line ${index + 1}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`"${name}" line ${index + 1}: each line must be a JSON object of input fields.`);
    rows.push(value as Json);
  });
  if (rows.length === 0) throw new Error(`"${name}" has no rows.`);
  return { rows };
}
