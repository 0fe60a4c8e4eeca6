import { api } from './api/api';
import type { McpServerInfo, McpToolInfo } from './api/api-types';
import { describeError } from './app-actions';

/** The MCP servers configured on the server (names only), for the tool inspector. */
export async function listMcpServers(): Promise<{ servers: McpServerInfo[] } | { error: string }> {
  try {
    return { servers: await api.mcpServers() };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** One configured server's tools, as the MCP server lists them (the server may start on first use). */
export async function listMcpTools(server: string): Promise<{ tools: McpToolInfo[] } | { error: string }> {
  try {
    return { tools: await api.mcpTools(server) };
  } catch (error) {
    return { error: describeError(error) };
  }
}
