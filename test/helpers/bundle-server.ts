import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles `server/main.ts` into one ESM file, so a crash harness that restarts the server dozens
 * of times pays the TypeScript transform once instead of on every start. The bundle is the same
 * code `tsx server/main.ts` runs; it is written under node_modules/.cache so the one external
 * dependency (the native SQLite binding) resolves from the project's node_modules.
 */
export async function bundleServer(): Promise<string> {
  const cache = join(repoRoot, 'node_modules/.cache/trellis-resilience');
  mkdirSync(cache, { recursive: true });
  const outfile = join(mkdtempSync(join(cache, 'server-')), 'trellis-server.mjs');
  await build({
    entryPoints: [join(repoRoot, 'server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The native SQLite binding cannot be bundled; everything else is, so Node's strict ESM
    // resolution never meets an extensionless deep import such as `ajv/dist/2020`.
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __trellisRequire } from 'node:module'; const require = __trellisRequire(import.meta.url);" },
    logLevel: 'error',
    absWorkingDir: repoRoot,
  });
  // The real path: when node_modules is a symlink (a git worktree), Node runs the main module by its
  // real path, and main.ts's "am I the entry point" check compares that with argv[1].
  return realpathSync(outfile);
}
