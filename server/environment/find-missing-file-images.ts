import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
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
    if (node.type !== 'vision') return;
    node.config.images.forEach((image, at) => {
      if (image.source !== 'file' || isAbsolute(image.path) || image.path.split(/[\\/]/).includes('..')) return;
      const full = resolve(filesRoot, image.path);
      if (existsSync(full) && statSync(full).isFile()) return;
      issues.push({
        nodeId: node.id,
        path: `/nodes/${index}/config/images/${at}/path`,
        rule: 'file-image-missing',
        message: `no file "${image.path}" under the files root ${filesRoot} (set --files-root or TRELLIS_FILES_ROOT to the folder that holds it)`,
      });
    });
  });
  return issues;
}
