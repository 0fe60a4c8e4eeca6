import type { Workflow } from '../../shared/workflow-types';
import type { McpClients } from '../mcp';
import { openClaudeForCli, type ClaudeForCli, type ClaudeForCliOptions } from './open-claude-for-cli';
import { openMcpForCli } from './open-mcp-for-cli';

export interface WorkflowConnections {
  claude: ClaudeForCli;
  /** Absent when TRELLIS_MCP_CONFIG names no servers. */
  mcp?: McpClients;
  /** Disconnects MCP, then writes any cassette and stops the simulator. */
  close(): Promise<void>;
}

/**
 * Everything a workflow run talks to: its MCP servers (checked against the workflow) and Claude.
 * Problems are printed on stderr and give undefined (exit 2), with nothing left open.
 */
export async function openWorkflowConnections(command: string, file: string, workflow: Workflow, claudeOptions: ClaudeForCliOptions): Promise<WorkflowConnections | undefined> {
  const opened = await openMcpForCli(command, file, workflow);
  if (!opened) return undefined;
  const { mcp } = opened;
  const claude = await openClaudeForCli(command, claudeOptions);
  if (!claude) {
    await mcp?.close();
    return undefined;
  }
  const close = async (): Promise<void> => {
    await mcp?.close();
    await claude.close();
  };
  return mcp ? { claude, mcp, close } : { claude, close };
}
