import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadWorkflow } from '../../../shared/format';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import { cliModelCatalog } from '../cli-model-catalog';
import { findMissingFileImages, resolveFilesRoot } from '../../environment';

const USAGE = `Usage: trellis validate [--files-root DIR] <workflow.json>...
  --files-root DIR   where vision "file" images are looked for (default TRELLIS_FILES_ROOT, else each
                     workflow file's folder, as \`trellis run\` does); a missing one is a warning
`;

/**
 * `trellis validate <files…>`: loads each file the way the server does (parse → migrate →
 * validate) and prints one line per issue. Exit 0 when every file is valid (warnings allowed),
 * 2 when any file has an error or cannot be read.
 */
export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const rootAt = args.indexOf('--files-root');
  const filesRoot = rootAt === -1 ? undefined : args[rootAt + 1];
  const files = rootAt === -1 ? args : args.filter((_, index) => index !== rootAt && index !== rootAt + 1);
  const unknownOption = files.find((arg) => arg.startsWith('-'));
  if (unknownOption !== undefined || files.length === 0 || (rootAt !== -1 && (filesRoot === undefined || filesRoot.startsWith('-')))) {
    const problem = unknownOption ? `unknown option "${unknownOption}"` : rootAt !== -1 && (filesRoot === undefined || filesRoot.startsWith('-')) ? '--files-root needs a folder' : undefined;
    process.stderr.write(`${problem ? `trellis validate: ${problem}\n` : ''}${USAGE}`);
    return 2;
  }
  const models = await cliModelCatalog();
  let invalidFiles = 0;
  let errorCount = 0;
  let warningCount = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      invalidFiles += 1;
      errorCount += 1;
      process.stdout.write(`${file}: error cannot read file: ${readReason(error)} [file.unreadable]\n`);
      continue;
    }
    const result = loadWorkflow(text, { models });
    // A valid workflow whose images are not where a run would look still runs nowhere: say so now.
    const root = resolveFilesRoot({ flag: filesRoot, env: process.env, fallback: dirname(resolve(file)) });
    const missing: WorkflowIssue[] = result.workflow ? findMissingFileImages(result.workflow, root).map((issue) => ({ ...issue, severity: 'warning' })) : [];
    const warnings = [...result.warnings, ...missing];
    for (const issue of [...result.errors, ...warnings]) process.stdout.write(`${file}: ${formatIssue(issue)}\n`);
    errorCount += result.errors.length;
    warningCount += warnings.length;
    if (!result.valid) invalidFiles += 1;
    else if (warnings.length === 0) process.stdout.write(`${file}: ok\n`);
  }
  const checked = `${files.length} file${files.length === 1 ? '' : 's'}`;
  process.stdout.write(`${checked} checked: ${files.length - invalidFiles} valid, ${invalidFiles} invalid; ${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}\n`);
  return invalidFiles > 0 ? 2 : 0;
}

/** `error node "classify" /nodes/2/config/max_tokens: message [rule]` */
export function formatIssue(issue: WorkflowIssue): string {
  const subject = issue.nodeId !== undefined ? ` node "${issue.nodeId}"` : issue.edgeId !== undefined ? ` edge "${issue.edgeId}"` : '';
  const path = issue.path === '' ? '' : ` ${issue.path}`;
  return `${issue.severity}${subject}${path}: ${withoutSubjectPrefix(issue.message)} [${issue.rule}]`;
}

/** Messages start with `Node "x": ` for UI use; the CLI line already names the node. */
function withoutSubjectPrefix(message: string): string {
  return message.replace(/^(Node|Edge) "[^"]*": /, '');
}

function readReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
