import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { McpConfig } from '../../../../server/mcp';
import { REPO_ROOT } from '../../../helpers/run-trellis';

const ECHO_SERVER = join(REPO_ROOT, 'test/fixtures/mcp/echo-server.ts');

/** An MCP config (server "echo": the stdio echo fixture), written to `dir`; calls are logged to `callLog`. */
export function writeEchoMcpConfig(dir: string, callLog: string): { file: string; config: McpConfig } {
  const config: McpConfig = { servers: { echo: { command: process.execPath, args: ['--import', 'tsx', ECHO_SERVER], cwd: REPO_ROOT, env: { ECHO_MCP_LOG: callLog } } } };
  const file = join(dir, 'mcp.json');
  writeFileSync(file, JSON.stringify(config));
  return { file, config };
}
