import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadWorkflow } from '../../../shared/format';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import type { Workflow } from '../../../shared/workflow-types';
import { createClaude } from '../../claude';
import { createMcpCaller, findUnknownMcpServers, loadMcpConfig, type McpClients } from '../../mcp';
import { createGuardedFetch } from '../../net/guarded-fetch';
import { createClaudeForCassette, parseReplayFlags, type CassetteClaude } from '../../replay';
import { CasesFileError, formatResultsTable, parseCases, runTestSuite, toJunitXml, type TestCase } from '../../testing';

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

class UsageError extends Error {}

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

  const workflow = await readWorkflow(parsed.file);
  if (!workflow) return 2;
  const cases = await readCases(parsed.cases, workflow);
  if (!cases) return 2;

  let mcp: McpClients | undefined;
  try {
    const mcpConfig = await loadMcpConfig();
    const unknown = findUnknownMcpServers(workflow, Object.keys(mcpConfig.servers));
    if (unknown.length > 0) {
      printIssues(parsed.file, unknown);
      return 2;
    }
    if (Object.keys(mcpConfig.servers).length > 0) mcp = createMcpCaller(mcpConfig);
  } catch (error) {
    process.stderr.write(`trellis test: ${(error as Error).message}\n`);
    return 2;
  }

  let claude: CassetteClaude;
  try {
    const base = parsed.replay ? undefined : await createClaude({ simulator: { latency: { firstTokenMs: 0, tokensPerSecond: 0 } } });
    claude = await createClaudeForCassette({ record: parsed.record, replay: parsed.replay, base });
  } catch (error) {
    await mcp?.close();
    process.stderr.write(`trellis test: ${(error as Error).message}\n`);
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

async function readWorkflow(file: string): Promise<Workflow | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`trellis test: cannot read ${file}: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = loadWorkflow(text);
  if (!result.valid || !result.workflow) {
    printIssues(file, result.errors);
    return undefined;
  }
  return result.workflow;
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

function printIssues(subject: string, issues: readonly Pick<WorkflowIssue, 'path' | 'rule' | 'message' | 'nodeId'>[]): void {
  process.stderr.write(`${subject}: ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}\n`);
  for (const issue of issues) process.stderr.write(`  ${issue.path || '/'} [${issue.rule}]${issue.nodeId ? ` (node ${issue.nodeId})` : ''}: ${issue.message}\n`);
}
