import type { ToolConfig } from '../../shared/node-configs';
import { capabilitiesOf } from '../../shared/nodes';
import type { Workflow } from '../../shared/workflow-types';

export interface McpReferenceIssue {
  nodeId: string;
  path: string;
  rule: 'mcp-server-unknown';
  message: string;
}

/**
 * Checks before a run that every mcp tool names a configured server, so the mistake shows up as
 * a clear up-front error rather than as a tool error Claude has to read mid-run.
 */
export function findUnknownMcpServers(workflow: Workflow, configured: readonly string[]): McpReferenceIssue[] {
  const issues: McpReferenceIssue[] = [];
  workflow.nodes.forEach((node, index) => {
    if (!capabilitiesOf(node.type).isToolProvider) return;
    // A tool provider's config is a ToolConfig (see NodeCapabilities).
    const implementation = (node.config as ToolConfig).implementation;
    if (implementation.kind !== 'mcp') return;
    const server = implementation.server;
    if (configured.includes(server)) return;
    issues.push({
      nodeId: node.id,
      path: `/nodes/${index}/config/implementation/server`,
      rule: 'mcp-server-unknown',
      message: `MCP server "${server}" is not configured on this server (${configured.length ? `configured: ${configured.join(', ')}` : 'none configured; set TRELLIS_MCP_CONFIG'})`,
    });
  });
  return issues;
}
