import { readFile, writeFile } from 'node:fs/promises';
import type { Workflow } from '../../../shared/workflow-types';
import { CasesFileError, formatResultsTable, parseCases, runTestSuite, toJunitXml, type TestCase } from '../../workflow-tests';
import { loadWorkflowFile } from '../load-workflow-file';
import { openCliEnvironment } from '../open-cli-environment';
import { parseCommandLine } from '../parse-command-line';
import { readReplayFlags } from '../read-replay-flags';
import { readCommandArgs, type FlagValues } from '../read-command-args';
import { UsageError } from '../usage-error';

const USAGE = `Usage: trellis test <workflow.json> --cases CASES.jsonl [--replay CASSETTE | --record CASSETTE] [--junit OUT.xml] [--json] [--concurrency N] [--files-root DIR]

Runs every case of a JSON-lines cases file through the workflow and checks its assertions.
  --cases F          one {"name", "input", "expect": [{"path", "equals"|"contains"|"regex"|"schema"}]} per line
  --replay F         answer every Claude call from a cassette: no simulator, no key, no network
  --record F         record every Claude call into a cassette (for later --replay in CI)
  --junit F          also write a JUnit XML report
  --json             print the results as JSON on stdout instead of the table
  --concurrency N    nodes run at once inside each case (default 4); cases run one at a time
  --files-root DIR   folder vision "file" images are read from (default TRELLIS_FILES_ROOT, else the workflow file's folder)
Claude: the API when ANTHROPIC_API_KEY is set, otherwise the offline simulator (unless --replay).
MCP servers come from TRELLIS_MCP_CONFIG.
Exit codes: 0 every case passed, 1 a case failed, 2 invalid workflow, cases file or arguments.`;

interface TestArgs {
  file: string;
  cases: string;
  record?: string;
  replay?: string;
  junit?: string;
  json: boolean;
  concurrency?: number;
  filesRoot?: string;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine('test', USAGE, args, parseArgs);
  if (typeof parsed === 'number') return parsed;

  const workflow = (await loadWorkflowFile('test', parsed.file))?.workflow;
  if (!workflow) return 2;
  const cases = await readCases(parsed.cases, workflow);
  if (!cases) return 2;
  const environment = await openCliEnvironment('test', { ...parsed, workflow });
  if (!environment) return 2;
  process.stderr.write(`trellis test: ${cases.length} ${cases.length === 1 ? 'case' : 'cases'} of ${workflow.id} · Claude: ${environment.claudeDescription}\n`);

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.on('SIGINT', onSigint);
  let suite;
  try {
    suite = await runTestSuite(workflow, cases, {
      environment,
      signal: controller.signal,
      concurrency: parsed.concurrency,
      onCase: (result) => process.stderr.write(`  ${result.passed ? '✓' : '✗'} ${result.name}\n`),
    });
  } finally {
    process.off('SIGINT', onSigint);
    await environment.close();
  }
  if (parsed.record) process.stderr.write(`trellis test: cassette written to ${parsed.record}\n`);

  process.stdout.write(parsed.json ? `${JSON.stringify(suite, null, 2)}\n` : formatResultsTable(suite));
  if (parsed.junit) {
    await writeFile(parsed.junit, toJunitXml(suite), 'utf8');
    process.stderr.write(`trellis test: JUnit report written to ${parsed.junit}\n`);
  }
  if (controller.signal.aborted) return 130;
  return suite.passed ? 0 : 1;
}

function parseArgs(args: readonly string[]): TestArgs {
  const flags = readReplayFlags(args);
  const parsed: Omit<TestArgs, 'file' | 'cases'> & { cases?: string } = { json: false, record: flags.record, replay: flags.replay };
  const takeFlag = (flag: string, values: FlagValues): boolean => {
    if (flag === '--cases') parsed.cases = values.value();
    else if (flag === '--junit') parsed.junit = values.value();
    else if (flag === '--json') parsed.json = true;
    else if (flag === '--concurrency') parsed.concurrency = values.integer(1, 64);
    else if (flag === '--files-root') parsed.filesRoot = values.value();
    else return false;
    return true;
  };
  const file = readCommandArgs(flags.rest, takeFlag, { valuesNeverStartWithDashes: true });
  if (!parsed.cases) throw new UsageError('missing --cases CASES.jsonl');
  return { ...parsed, file, cases: parsed.cases };
}

async function readCases(file: string, workflow: Workflow): Promise<TestCase[] | undefined> {
  try {
    return parseCases(await readFile(file, 'utf8'), file, workflow);
  } catch (error) {
    if (error instanceof CasesFileError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`trellis test: cannot read ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
}
