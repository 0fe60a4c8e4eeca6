import { readFile } from 'node:fs/promises';
import { loadWorkflow } from '../../shared/format';
import type { Workflow } from '../../shared/workflow-types';
import { cliModelCatalog } from './cli-model-catalog';
import { describeIssue } from './describe-issue';
import { printIssues } from './print-issues';

export interface LoadedWorkflowFile {
  workflow: Workflow;
  /** The file as read, for recording the exact workflow a run used. */
  text: string;
}

/**
 * Reads, migrates and validates a workflow file for command `trellis <command>`. Problems are
 * printed on stderr and give undefined: the caller exits 2.
 */
export async function loadWorkflowFile(command: string, file: string, options: { printWarnings?: boolean } = {}): Promise<LoadedWorkflowFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`trellis ${command}: cannot read ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = loadWorkflow(text, { models: await cliModelCatalog() });
  if (options.printWarnings) for (const warning of result.warnings) process.stderr.write(`${file}: warning ${describeIssue(warning)}\n`);
  if (!result.valid || !result.workflow) {
    printIssues(file, result.errors);
    return undefined;
  }
  return { workflow: result.workflow, text };
}
