/**
 * MCP servers are declared only here, in server configuration (PRODUCT.md §2): a workflow's tool
 * node names a server, never a command or URL.
 */
export interface McpStdioServer {
  /** Executable to spawn; it speaks MCP over stdin/stdout. */
  command: string;
  args?: string[];
  /** Added to a minimal safe environment (PATH, HOME, …), never the whole server environment. */
  env?: Record<string, string>;
  /** Working directory; relative paths are resolved against the config file's folder. */
  cwd?: string;
  /** Per tool call; default 60 000. */
  timeout_ms?: number;
}

export interface McpHttpServer {
  /** Streamable HTTP endpoint, e.g. `http://127.0.0.1:8931/mcp`. */
  url: string;
  /** Sent with every request (e.g. an Authorization header); never shown by the API. */
  headers?: Record<string, string>;
  timeout_ms?: number;
}

export type McpServerConfig = McpStdioServer | McpHttpServer;

export interface McpConfig {
  servers: Record<string, McpServerConfig>;
}

export function isStdioServer(server: McpServerConfig): server is McpStdioServer {
  return 'command' in server;
}
