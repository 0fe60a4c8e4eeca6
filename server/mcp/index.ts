export type { McpConfig, McpHttpServer, McpServerConfig, McpStdioServer } from './mcp-config';
export { parseMcpConfig, MCP_SERVER_NAME } from './parse-mcp-config';
export { loadMcpConfig, MCP_CONFIG_ENV } from './load-mcp-config';
export { createMcpCaller, type McpCallerOptions, type McpClients, type McpToolInfo } from './create-mcp-caller';
export { toToolOutput, type McpToolOutput } from './to-tool-output';
export { UnknownMcpServerError } from './unknown-mcp-server-error';
export { findUnknownMcpServers, type McpReferenceIssue } from './find-unknown-mcp-servers';
export { describeMcpServers, type McpServerSummary } from './describe-mcp-servers';
