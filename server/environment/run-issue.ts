/**
 * A reason this process will not run a workflow that the shared validator accepts (an MCP server
 * it does not have, a secret it will not give). Same shape as a validator issue, so the HTTP API
 * and the CLI report both alike.
 */
export interface RunIssue {
  nodeId?: string;
  path: string;
  rule: string;
  message: string;
}
