import type { Json } from '../json-schema';

/** A bad line in a JSON-lines dataset; each caller words where the line came from. */
export class JsonLineError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'JsonLineError';
  }
}

/**
 * Dataset rows from JSON lines: one JSON object of input fields per line, blank lines ignored.
 * Shared by the browser (checks an upload before sending it) and the server/CLI (reads the file).
 */
export function parseJsonLines(text: string): Json[] {
  const rows: Json[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new JsonLineError(index + 1, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new JsonLineError(index + 1, 'each line must be a JSON object of input fields');
    rows.push(value as Json);
  });
  return rows;
}
