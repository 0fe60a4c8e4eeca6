import { dirname, resolve } from 'node:path';
import type { Workflow } from '../../shared/workflow-types';
import { findRunIssues, openEnvironment, resolveFilesRoot, type EngineEnvironment } from '../environment';
import { printIssues } from './print-issues';

export interface CliEnvironmentOptions {
  /** The workflow file; its folder is the files root unless --files-root or TRELLIS_FILES_ROOT says. */
  file: string;
  workflow: Workflow;
  /** `--files-root DIR`. */
  filesRoot?: string;
  /** Offline simulator pace (default instant). */
  latency?: { firstTokenMs: number; tokensPerSecond: number };
  /** `--record F`: record every Claude call into this cassette. */
  record?: string;
  /** `--replay F`: answer every Claude call from this cassette: no simulator, no key, no network. */
  replay?: string;
}

/**
 * The environment of one CLI command, built by the same rules as the server's (openEnvironment):
 * Claude from ANTHROPIC_API_KEY (else the offline simulator) or a cassette, MCP servers from
 * TRELLIS_MCP_CONFIG, secrets granted by TRELLIS_SECRETS, the files root by resolveFilesRoot.
 * The workflow is then checked as the server checks it (its MCP servers, its secrets). Problems
 * are printed on stderr and give undefined (the command exits 2), with nothing left open.
 */
export async function openCliEnvironment(command: string, options: CliEnvironmentOptions): Promise<EngineEnvironment | undefined> {
  let environment: EngineEnvironment;
  try {
    environment = await openEnvironment({
      env: process.env,
      filesRoot: resolveFilesRoot({ flag: options.filesRoot, env: process.env, fallback: dirname(resolve(options.file)) }),
      claude: { simulator: { latency: options.latency ?? { firstTokenMs: 0, tokensPerSecond: 0 } } },
      cassette: { record: options.record, replay: options.replay },
    });
  } catch (error) {
    process.stderr.write(`trellis ${command}: ${(error as Error).message}\n`);
    return undefined;
  }
  const issues = findRunIssues(environment, options.workflow);
  if (issues.length > 0) {
    printIssues(options.file, issues);
    await environment.close();
    return undefined;
  }
  return environment;
}
