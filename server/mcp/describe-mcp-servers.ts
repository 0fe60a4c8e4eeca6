import { isStdioServer, type McpConfig } from './mcp-config';

export interface McpServerSummary {
  name: string;
  transport: 'stdio' | 'http';
}

/**
 * What the API may show about configured servers: names and transport only. Commands, arguments,
 * environment, URLs and headers stay private (they may carry tokens or reveal the host).
 */
export function describeMcpServers(config: McpConfig): McpServerSummary[] {
  return Object.keys(config.servers)
    .sort()
    .map((name) => ({ name, transport: isStdioServer(config.servers[name] as McpConfig['servers'][string]) ? 'stdio' : 'http' }));
}
