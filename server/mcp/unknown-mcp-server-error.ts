/** A tool or request named an MCP server that server configuration does not declare. */
export class UnknownMcpServerError extends Error {
  constructor(
    readonly server: string,
    configured: readonly string[],
  ) {
    super(`MCP server "${server}" is not configured (${configured.length ? `configured: ${configured.join(', ')}` : 'no MCP servers are configured; set TRELLIS_MCP_CONFIG'})`);
    this.name = 'UnknownMcpServerError';
  }
}
