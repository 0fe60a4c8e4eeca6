import { readFile } from 'node:fs/promises';
import type { Json } from '../../shared/json-schema';
import { validateRunInput } from '../../shared/validate-workflow';
import type { Workflow } from '../../shared/workflow-types';
import { printIssues } from './print-issues';
import type { RunInputFlags } from './run-input-flags';

export interface ReadRunInputOptions {
  /** Without any input flag, use the workflow's first sample (saying so) instead of `{}`. */
  firstSampleByDefault?: boolean;
}

/**
 * The run input a command line names (`--input`, `--input-file` or `--sample`), checked against
 * the workflow's input schema. Problems are printed on stderr and give undefined: exit 2.
 */
export async function readRunInput(command: string, flags: RunInputFlags, workflow: Workflow, options: ReadRunInputOptions = {}): Promise<Json | undefined> {
  const input = await parseRunInput(command, flags, workflow, options);
  if (input === undefined) return undefined;
  const issues = validateRunInput(workflow, input);
  if (issues.length === 0) return input;
  printIssues('run input', issues);
  if (workflow.samples?.length) process.stderr.write(`  hint: try --sample ${workflow.samples[0]?.name}\n`);
  return undefined;
}

async function parseRunInput(command: string, flags: RunInputFlags, workflow: Workflow, options: ReadRunInputOptions): Promise<Json | undefined> {
  const noFlag = flags.input === undefined && flags.inputFile === undefined;
  if (flags.sample !== undefined || (options.firstSampleByDefault && noFlag && workflow.samples?.length)) {
    const name = flags.sample ?? workflow.samples?.[0]?.name;
    const sample = workflow.samples?.find((candidate) => candidate.name === name);
    if (!sample) {
      const names = workflow.samples?.map((candidate) => candidate.name).join(', ') || 'none';
      process.stderr.write(`trellis ${command}: no sample named "${name}" (samples: ${names})\n`);
      return undefined;
    }
    if (flags.sample === undefined) process.stderr.write(`trellis ${command}: using sample "${sample.name}" as the input\n`);
    return sample.input;
  }
  let text = flags.input;
  let origin = '--input';
  if (flags.inputFile !== undefined) {
    origin = flags.inputFile;
    try {
      text = await readFile(flags.inputFile, 'utf8');
    } catch (error) {
      process.stderr.write(`trellis ${command}: cannot read ${flags.inputFile}: ${(error as Error).message}\n`);
      return undefined;
    }
  }
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    process.stderr.write(`trellis ${command}: ${origin} is not valid JSON: ${(error as Error).message}\n`);
    return undefined;
  }
}
