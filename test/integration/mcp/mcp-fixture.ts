import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { McpStdioServer } from '../../../server/mcp';

export const REPO_ROOT = join(import.meta.dirname, '../../..');
export const ECHO_SERVER = join(REPO_ROOT, 'test/fixtures/mcp/echo-server.ts');

/** A stdio config for the echo fixture plus the file where it logs every call it receives. */
export function echoServerConfig(overrides: Partial<McpStdioServer> = {}): { server: McpStdioServer; log: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'trellis-mcp-')), 'calls.jsonl');
  return {
    server: { command: process.execPath, args: ['--import', 'tsx', ECHO_SERVER], cwd: REPO_ROOT, env: { ECHO_MCP_LOG: log }, ...overrides },
    log,
  };
}

export interface LoggedCall {
  tool: string;
  args: Record<string, unknown>;
  pid: number;
}

export function readCalls(log: string): LoggedCall[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedCall);
}
