import { readFile } from 'node:fs/promises';
import type { Cassette } from './cassette';
import { parseCassette } from './parse-cassette';

/** Reads and checks a cassette file written by saveCassette. */
export async function loadCassette(path: string): Promise<Cassette> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read cassette ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`cassette ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseCassette(parsed, path);
}
