import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { filesOf } from '../../shared/nodes';
import type { Workflow } from '../../shared/workflow-types';
import type { RunIssue } from './run-issue';

/**
 * Vision `file` images that are not files under `filesRoot`: what `trellis validate` warns about,
 * so a workflow exported from the canvas is known to need `--files-root` before it is run. Paths
 * that could never load (absolute, with "..") are the validator's and the engine's business.
 */
export function findMissingFileImages(workflow: Workflow, filesRoot: string): RunIssue[] {
  const issues: RunIssue[] = [];
  workflow.nodes.forEach((node, index) => {
    for (const { file, path } of filesOf(node)) {
      if (isAbsolute(file) || file.split(/[\\/]/).includes('..')) continue;
      const full = resolve(filesRoot, file);
      if (existsSync(full) && statSync(full).isFile()) continue;
      issues.push({
        nodeId: node.id,
        path: `/nodes/${index}/config/${path.join('/')}`,
        rule: 'file-image-missing',
        message: `no file "${file}" under the files root ${filesRoot} (set --files-root or TRELLIS_FILES_ROOT to the folder that holds it)`,
      });
    }
  });
  return issues;
}
