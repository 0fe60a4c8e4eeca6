import { rename, writeFile } from 'node:fs/promises';
import type { Cassette } from './cassette';
import { stringifyCassette } from './stringify-cassette';

/** Writes the cassette atomically (temp file + rename), so a crash never leaves half a cassette. */
export async function saveCassette(path: string, cassette: Cassette): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, stringifyCassette(cassette), 'utf8');
  await rename(temporary, path);
}
