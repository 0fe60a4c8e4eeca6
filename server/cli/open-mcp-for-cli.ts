import type { Workflow } from '../../shared/workflow-types';
import { createMcpCaller, findUnknownMcpServers, loadMcpConfig, type McpClients } from '../mcp';
import { printIssues } from './print-issues';

/**
 * The MCP servers named by TRELLIS_MCP_CONFIG, after checking that every server the workflow uses
 * is configured. `mcp` is absent when none are configured. Problems are printed on stderr and
 * give undefined: exit 2.
 */
export async function openMcpForCli(command: string, file: string, workflow: Workflow): Promise<{ mcp?: McpClients } | undefined> {
  try {
    const config = await loadMcpConfig();
    const unknown = findUnknownMcpServers(workflow, Object.keys(config.servers));
    if (unknown.length > 0) {
      printIssues(file, unknown);
      return undefined;
    }
    return Object.keys(config.servers).length > 0 ? { mcp: createMcpCaller(config) } : {};
  } catch (error) {
    process.stderr.write(`trellis ${command}: ${(error as Error).message}\n`);
    return undefined;
  }
}
