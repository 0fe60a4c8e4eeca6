import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Workflow } from '../../../shared/workflow-types';
import { createGuardedFetch } from '../../net/guarded-fetch';
import { parseReplayFlags } from '../../replay';
import { CasesFileError, formatResultsTable, parseCases, runTestSuite, toJunitXml, type TestCase } from '../../testing';
import { loadWorkflowFile } from '../load-workflow-file';
import { openClaudeForCli } from '../open-claude-for-cli';
import { openMcpForCli } from '../open-mcp-for-cli';
import { UsageError } from '../usage-error';

const USAGE = `Usage: trellis test <workflow.json> --cases CASES.jsonl [--replay CASSETTE | --record CASSETTE] [--junit OUT.xml] [--json] [--concurrency N]

Runs every case of a JSON-lines cases file through the workflow and checks its assertions.
  --cases F          one {"name", "input", "expect": [{"path", "equals"|"contains"|"regex"|"schema"}]} per line
  --replay F         answer every Claude call from a cassette: no simulator, no key, no network
  --record F         record every Claude call into a cassette (for later --replay in CI)
  --junit F          also write a JUnit XML report
  --json             print the results as JSON on stdout instead of the table
  --concurrency N    nodes run at once inside each case (default 4); cases run one at a time
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
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let parsed: TestArgs;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    process.stderr.write(`trellis test: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }

  const workflow = (await loadWorkflowFile('test', parsed.file))?.workflow;
  if (!workflow) return 2;
  const cases = await readCases(parsed.cases, workflow);
  if (!cases) return 2;
  const opened = await openMcpForCli('test', parsed.file, workflow);
  if (!opened) return 2;
  const { mcp } = opened;
  const claude = await openClaudeForCli('test', parsed);
  if (!claude) {
    await mcp?.close();
    return 2;
  }
  process.stderr.write(`trellis test: ${cases.length} ${cases.length === 1 ? 'case' : 'cases'} of ${workflow.id} · Claude: ${claude.description}\n`);

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.on('SIGINT', onSigint);
  let suite;
  try {
    suite = await runTestSuite(workflow, cases, {
      deps: { claude: claude.client, signal: controller.signal, concurrency: parsed.concurrency, fetch: createGuardedFetch(), filesRoot: dirname(resolve(parsed.file)), mcp },
      onCase: (result) => process.stderr.write(`  ${result.passed ? '✓' : '✗'} ${result.name}\n`),
    });
  } finally {
    process.off('SIGINT', onSigint);
    await mcp?.close();
    await claude.close();
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

function parseArgs(args: string[]): TestArgs {
  let flags;
  try {
    flags = parseReplayFlags(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed: Partial<TestArgs> & { json: boolean } = { json: false, record: flags.record, replay: flags.replay };
  const rest = flags.rest;
  const value = (flag: string, index: number): string => {
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    switch (arg) {
      case '--cases':
        parsed.cases = value(arg, index++);
        break;
      case '--junit':
        parsed.junit = value(arg, index++);
        break;
      case '--json':
        parsed.json = true;
        break;
      case '--concurrency': {
        const n = Number(value(arg, index++));
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--concurrency must be an integer from 1 to 64');
        parsed.concurrency = n;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (parsed.file) throw new UsageError(`one workflow file at a time (got ${parsed.file} and ${arg})`);
        parsed.file = arg;
    }
  }
  if (!parsed.file) throw new UsageError('missing <workflow.json>');
  if (!parsed.cases) throw new UsageError('missing --cases CASES.jsonl');
  return parsed as TestArgs;
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
