import { resolve } from 'node:path';

/** The variable that sets the files root for every driver (a command's --files-root wins). */
export const FILES_ROOT_ENV = 'TRELLIS_FILES_ROOT';

export interface FilesRootChoice {
  /** `--files-root` on a command line. */
  flag?: string;
  env: Record<string, string | undefined>;
  /**
   * Where file images live when neither the flag nor TRELLIS_FILES_ROOT says: the examples
   * folder for the server (whose seeded workflows point into workflows/assets), the workflow
   * file's folder for a CLI command.
   */
  fallback: string;
  cwd?: string;
}

/**
 * The one rule for where vision `file` images are read from: `--files-root`, else
 * TRELLIS_FILES_ROOT, else the driver's fallback; always an absolute path. Paths in a workflow
 * are relative to it and can never leave it (server/engine/images).
 */
export function resolveFilesRoot(choice: FilesRootChoice): string {
  const cwd = choice.cwd ?? process.cwd();
  const chosen = choice.flag ?? (choice.env[FILES_ROOT_ENV]?.trim() || undefined) ?? choice.fallback;
  return resolve(cwd, chosen);
}
